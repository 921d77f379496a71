/**
 * Staff of the inbox, from the server's command line:
 *   npm run staff -- invite --name "Maryam" [--email maryam@example.dk] [--coordinator]
 *   npm run staff -- invite --id 3
 *   npm run staff -- list
 *   npm run staff -- role --id 3 --role coordinator|staff
 *   npm run staff -- lostphone --id 3
 *   npm run staff -- revoke --id 3        (or --name "Maryam" when only one person has that name)
 * `invite --name` always makes a new account and prints a one-time link (24 hours); the first
 * coordinator is made this way. `invite --id` gives an existing person a new link, which replaces
 * her older ones. The last coordinator cannot be revoked or made staff: the command says so and
 * exits with 2. Set PUBLIC_ORIGIN when the inbox is opened at another address than
 * site.config.ts → siteUrl.
 */
import { parseArgs } from 'node:util';
import { siteConfig } from '#site.config.ts';
import { createInbox } from '#src/inbox/inboxContext.ts';
import { openStore } from '#src/store/openStore.ts';
import { isStaffRole, type AccessChange, type StaffMember } from '#src/store/staff.ts';
import { inviteLink } from '#src/inbox/inviteMail.ts';

const usage = `Usage: npm run staff -- <command>
  invite --name NAME [--email ADDRESS] [--coordinator]   a new account and its one-time sign-up link (valid 24 hours)
  invite --id N                                          a new link for person N (her older links stop working)
  list                                                   everyone with access (with their numbers), and who was removed
  role --id N --role coordinator|staff                   change her role (not the last coordinator's)
  lostphone --id N                                       remove all her passkeys and sessions now; then invite --id N
  revoke --id N | --name NAME                            remove her access; her sessions end at once
The data directory is $DATA_DIR (default ./data).`;

const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    name: { type: 'string' },
    email: { type: 'string' },
    id: { type: 'string' },
    role: { type: 'string' },
    coordinator: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
});

const command = positionals[0];
if (!command || opts.help) {
  console.log(usage);
  process.exit(command ? 0 : 1);
}

// The store opens (and migrates) the one database file; the inbox works on it.
const store = openStore();
const inbox = createInbox(siteConfig, store.db);

function fail(message: string): never {
  console.error(message);
  store.close();
  process.exit(2);
}

const linkFor = (token: string) => inviteLink(inbox.settings.origin, token);

/** The person named by --id, or by --name when exactly one active person has it. */
function person(how: string): StaffMember {
  if (opts.id !== undefined) {
    const id = Number(opts.id);
    const found = Number.isSafeInteger(id) ? inbox.staff.getStaff(id) : undefined;
    if (!found || found.revokedAt) fail(`Nobody active has number ${opts.id} (see: npm run staff -- list).`);
    return found;
  }
  const name = opts.name?.trim() || fail(`Say who: npm run staff -- ${how}`);
  const found = inbox.staff.activeByName(name);
  if (found.length === 0) fail(`Nobody active is called "${name}" (see: npm run staff -- list).`);
  if (found.length > 1) fail(`${found.length} people are called "${name}": say which with --id (see: npm run staff -- list).`);
  return found[0]!;
}

function refused(result: AccessChange, p: StaffMember): void {
  if (result === 'lastCoordinator')
    fail(
      `${p.name} (#${p.id}) is the last coordinator. First make someone else coordinator: npm run staff -- role --id N --role coordinator`,
    );
  if (result === 'notFound') fail(`Nobody active has number ${p.id}.`);
}

switch (command) {
  case 'invite': {
    if (opts.id !== undefined) {
      const p = person('invite --id N');
      const { token } = inbox.staff.reinvite(p.id, null) ?? fail(`Nobody active has number ${opts.id}.`);
      console.log(`New link for ${p.name} (#${p.id}), valid 24 hours, for one use; her older links no longer work:`);
      console.log(linkFor(token));
      break;
    }
    const name = opts.name?.trim() || fail('Say who: npm run staff -- invite --name "Maryam" [--email maryam@example.dk] [--coordinator]');
    const role = opts.coordinator ? 'coordinator' : 'staff';
    const { token, staffId } = inbox.staff.invite({ name, email: opts.email ?? null, role });
    console.log(`Invite for ${name} (#${staffId}, ${role}), valid 24 hours, for one use:`);
    console.log(linkFor(token));
    break;
  }
  case 'list': {
    const people = inbox.staff.listStaff();
    if (people.length === 0) console.log('Nobody yet. Invite the first coordinator: npm run staff -- invite --name "…" --coordinator');
    for (const p of people) {
      const state = p.revokedAt ? `removed ${p.revokedAt.slice(0, 10)}` : `${p.passkeys} passkey(s)`;
      console.log(`#${p.id} · ${p.name} · ${p.role} · ${p.email ?? 'no e-mail'} · ${state}`);
    }
    break;
  }
  case 'role': {
    const role = opts.role;
    if (!isStaffRole(role)) fail('Say which role: npm run staff -- role --id N --role coordinator|staff');
    const p = person('role --id N --role coordinator|staff');
    const result = inbox.staff.setRole(p.id, role, null);
    refused(result, p);
    console.log(result === 'unchanged' ? `${p.name} (#${p.id}) is already ${role}.` : `${p.name} (#${p.id}) is now ${role}.`);
    break;
  }
  case 'lostphone': {
    const p = person('lostphone --id N');
    refused(inbox.staff.lostPhone(p.id, null), p);
    console.log(`${p.name} (#${p.id}) has no passkeys and no sessions now. Give her a new link: npm run staff -- invite --id ${p.id}`);
    break;
  }
  case 'revoke': {
    const p = person('revoke --id N');
    refused(inbox.staff.revoke(p.id, null), p);
    console.log(`${p.name} (#${p.id}) can no longer sign in; her sessions have ended.`);
    break;
  }
  default:
    fail(`Unknown command "${command}".\n\n${usage}`);
}
store.close();
