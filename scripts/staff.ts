/**
 * Staff of the inbox, from the server's command line:
 *   npm run staff -- invite --name "Maryam" [--email maryam@example.dk] [--coordinator]
 *   npm run staff -- list
 *   npm run staff -- revoke --name "Maryam"
 * `invite` prints a one-time link (24 hours); the first coordinator is made this way. Set
 * PUBLIC_ORIGIN when the inbox is opened at another address than site.config.ts → siteUrl.
 */
import { parseArgs } from 'node:util';
import { siteConfig } from '#site.config.ts';
import { createInbox } from '#src/inbox/inboxContext.ts';
import { openStore } from '#src/store/openStore.ts';

const usage = `Usage: npm run staff -- <command>
  invite --name NAME [--email ADDRESS] [--coordinator]   print a one-time sign-up link (valid 24 hours)
  list                                                     everyone with access, and who was removed
  revoke --name NAME                                       remove her access; her sessions end at once
The data directory is $DATA_DIR (default ./data).`;

const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    name: { type: 'string' },
    email: { type: 'string' },
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

switch (command) {
  case 'invite': {
    const name = opts.name?.trim() || fail('Say who: npm run staff -- invite --name "Maryam" [--email maryam@example.dk] [--coordinator]');
    const { token } = inbox.staff.invite({ name, email: opts.email ?? null, coordinator: !!opts.coordinator });
    console.log(`Invite for ${name}${opts.coordinator ? ' (coordinator)' : ''}, valid 24 hours, for one use:`);
    console.log(new URL(`/inbox/invite/?token=${token}`, inbox.settings.origin).href);
    break;
  }
  case 'list': {
    const people = inbox.staff.listStaff();
    if (people.length === 0) console.log('Nobody yet. Invite the first coordinator: npm run staff -- invite --name "…" --coordinator');
    for (const p of people) {
      const role = p.coordinator ? 'coordinator' : 'staff';
      const state = p.revokedAt ? `removed ${p.revokedAt.slice(0, 10)}` : `${p.passkeys} passkey(s)`;
      console.log(`${p.name} · ${role} · ${p.email ?? 'no e-mail'} · ${state}`);
    }
    break;
  }
  case 'revoke': {
    const name = opts.name?.trim() || fail('Say who: npm run staff -- revoke --name "Maryam"');
    const found = inbox.staff.activeByName(name);
    if (found.length === 0) fail(`Nobody active is called "${name}" (see: npm run staff -- list).`);
    for (const p of found) inbox.staff.revoke(p.id, null);
    console.log(`${name} can no longer sign in; her sessions have ended.`);
    break;
  }
  default:
    fail(`Unknown command "${command}".\n\n${usage}`);
}
store.close();
