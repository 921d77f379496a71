/**
 * The staff area against the people she may need protecting from (issue 24), end to end on a
 * server of its own with Chromium's virtual authenticators and an SMTP sink: roles (staff get 403
 * and see no button for what a coordinator does), invites bound to one account (never by name),
 * a fresh passkey check before a new passkey (and a mail), "lost phone", the last coordinator (UI,
 * endpoint, CLI), audit of failures with a burst mail, and an old cookie after sign-out.
 * The WebAuthn negatives (replay, expired or wrong challenge, origin, user verification, counter)
 * are unit tests: tests/unit/inboxPasskeys.test.ts.
 */
import { expect, test, type Page } from '../helpers/test.ts';
import { axeViolations } from '../helpers/axe.ts';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Browser, BrowserContext, CDPSession } from '@playwright/test';
import type { OwnServer } from '../helpers/interestServer.ts';
import type { SunkMail } from '../helpers/mailSink.ts';
import { addRequest, inviteByCli as staffInvite, startInboxServer } from '../helpers/staffInbox.ts';

// Passkey ceremonies in several browsers, one after the other on shared state.
test.describe.configure({ mode: 'serial', timeout: 90_000 });

const port = Number(process.env.E2E_PORT ?? 4322) + 7;
const origin = `http://localhost:${port}`;
const mails: SunkMail[] = [];
let server: OwnServer;
let stop: (() => Promise<void>) | undefined;

/** One person at her own browser, with a virtual passkey authenticator. */
interface Person {
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
  authenticator: string;
}
const people: Record<string, Person> = {};

const cliEnv = () => ({ ...process.env, DATA_DIR: server.dataDir, PUBLIC_ORIGIN: origin });

/** Runs the staff CLI; returns its exit status and output. */
function cli(...args: string[]) {
  const run = spawnSync(process.execPath, ['--disable-warning=ExperimentalWarning', 'scripts/staff.ts', ...args], {
    env: cliEnv(),
    encoding: 'utf8',
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Invites by the CLI; returns the link it prints. */
const inviteByCli = (...args: string[]) => staffInvite(cliEnv(), ...args);

async function addAuthenticator(cdp: CDPSession): Promise<string> {
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true },
  });
  return authenticatorId;
}

async function newPerson(browser: Browser, key: string): Promise<Person> {
  const context = await browser.newContext({ baseURL: origin, viewport: { width: 360, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  people[key] = { context, page, cdp, authenticator: await addAuthenticator(cdp) };
  return people[key];
}

/** Opens an invite link and makes the passkey: she lands on her settings, signed in. */
async function register(page: Page, link: string) {
  await page.goto(link);
  await page.getByRole('button', { name: 'Opret adgangsnøgle' }).click();
  await expect(page).toHaveURL(/\/inbox\/me\/\?welcome$/);
}

/** A same-origin form POST with her cookies, as her browser would send it. */
const postForm = (page: Page, p: string, form: Record<string, string>) =>
  page.request.post(p, { form, headers: { Origin: origin }, maxRedirects: 0 });

const db = () => new DatabaseSync(path.join(server.dataDir, 'interest.sqlite'));
const one = <T>(sql: string, ...args: (string | number | null)[]) => {
  const d = db();
  try {
    return d.prepare(sql).get(...args) as T;
  } finally {
    d.close();
  }
};
const all = <T>(sql: string, ...args: (string | number | null)[]) => {
  const d = db();
  try {
    return d.prepare(sql).all(...args) as T[];
  } finally {
    d.close();
  }
};
const auditRows = (action: string) =>
  all<{ staff_id: number | null; target_staff_id: number | null; action: string }>(
    'SELECT staff_id, target_staff_id, action FROM audit WHERE action LIKE ? ORDER BY id',
    action,
  );

test.beforeAll(async () => {
  // Every ceremony here comes from 127.0.0.1; the limit and its audit row are tested in inbox.spec.ts.
  ({ server, stop } = await startInboxServer(port, mails, { INBOX_RATE_LIMIT: '0' }));
});

test.afterAll(async () => {
  for (const p of Object.values(people)) await p.context.close();
  await stop?.();
});

test.use({ baseURL: origin });

test("an invite with a coordinator's name makes a new, separate staff account without coordinator powers", async ({ browser }) => {
  const coordinator = await newPerson(browser, 'coordinator');
  await register(coordinator.page, inviteByCli('--name', 'Maryam Ali', '--email', 'maryam@example.dk', '--coordinator'));

  // The coordinator invites someone with exactly her own name, as staff.
  await coordinator.page.goto('/inbox/staff/');
  await coordinator.page.getByLabel('Navn').fill('Maryam Ali');
  await coordinator.page.getByRole('button', { name: 'Inviter', exact: true }).click();
  const link = (await coordinator.page.locator('[data-invite-link]').textContent())!.trim();

  const impostor = await newPerson(browser, 'impostor');
  await register(impostor.page, link);
  const rows = all<{ id: number; role: string; passkeys: number }>(
    `SELECT s.id, s.role, (SELECT count(*) FROM passkeys p WHERE p.staff_id = s.id) AS passkeys
     FROM staff s WHERE name = 'Maryam Ali' ORDER BY id`,
  );
  expect(rows.map((r) => [r.role, r.passkeys])).toEqual([
    ['coordinator', 1],
    ['staff', 1],
  ]);
  // Her passkey opens her own staff account: no staff page, no audit log, not even in the menu.
  const menu = impostor.page.getByRole('navigation', { name: 'Indbakke' });
  await expect(menu.getByRole('link', { name: 'Medarbejdere' })).toHaveCount(0);
  await expect(menu.getByRole('link', { name: 'Log' })).toHaveCount(0);
  expect((await impostor.page.request.get('/inbox/staff/', { maxRedirects: 0 })).status()).toBe(403);
  expect((await impostor.page.request.get('/inbox/audit/', { maxRedirects: 0 })).status()).toBe(403);
  // The coordinator's account is as it was.
  await coordinator.page.goto('/inbox/staff/');
  await expect(coordinator.page.locator(`[data-staff-id="${rows[0]!.id}"]`)).toHaveAttribute('data-role', 'coordinator');

  // The used link, opened again, is refused and audited against the account it was made for.
  await impostor.page.goto(link);
  await expect(impostor.page.getByText('Linket er allerede brugt')).toBeVisible();
  expect(auditRows('fail:invite:used')).toEqual([{ staff_id: null, target_staff_id: rows[1]!.id, action: 'fail:invite:used' }]);
});

test('staff get 403 at every coordinator endpoint, see no button for them, and each refusal is audited', async () => {
  const { page } = people.impostor!;
  const me = one<{ id: number }>(`SELECT id FROM staff WHERE name = 'Maryam Ali' AND role = 'staff'`).id;
  const d = db();
  const id = addRequest(d);
  d.close();

  // The buttons are not there.
  await page.goto('/inbox/?show=all');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Indbakke');
  await expect(page.getByRole('button', { name: 'Hent som Excel' })).toHaveCount(0);
  await page.goto(`/inbox/request/${id}/`);
  await expect(page.getByRole('link', { name: 'Slet henvendelsen nu' })).toHaveCount(0);
  await expect(page.getByText('Bed en koordinator om at slette henvendelsen')).toBeVisible();
  await page.goto('/inbox/results/');
  await expect(page.getByRole('button', { name: /Hent som Excel/ })).toHaveCount(0);
  expect(await axeViolations(page)).toEqual([]);

  // Crafted requests: 403 at the endpoint, nothing done.
  expect((await postForm(page, '/inbox/export/', {})).status()).toBe(403);
  expect((await postForm(page, '/inbox/results/export/', { month: '2026-11' })).status()).toBe(403);
  expect((await postForm(page, '/inbox/action/', { action: 'delete', id: String(id) })).status()).toBe(403);
  expect((await page.request.get(`/inbox/request/${id}/delete/`, { maxRedirects: 0 })).status()).toBe(403);
  const coordinatorId = one<{ id: number }>(`SELECT id FROM staff WHERE role = 'coordinator'`).id;
  const forms: Record<string, string>[] = [
    { action: 'invite', name: 'Someone', coordinator: 'on' },
    { action: 'reinvite', staff: String(me) },
    { action: 'role', staff: String(me), role: 'coordinator' },
    { action: 'lostphone', staff: String(coordinatorId) },
    { action: 'revoke', staff: String(coordinatorId) },
  ];
  for (const form of forms) {
    const res = await postForm(page, '/inbox/action/', form);
    expect(res.status(), form.action).toBe(403);
    expect(await res.text()).toContain('Only a coordinator');
  }
  expect(one(`SELECT count(*) AS n FROM interest WHERE id = ?`, id)).toEqual({ n: 1 });
  expect(one(`SELECT role FROM staff WHERE id = ?`, me)).toEqual({ role: 'staff' });
  expect(one(`SELECT count(*) AS n FROM staff WHERE name = 'Someone'`)).toEqual({ n: 0 });
  expect(one(`SELECT count(*) AS n FROM passkeys WHERE staff_id = ?`, coordinatorId)).toEqual({ n: 1 });

  const refused = auditRows('fail:forbidden:%');
  expect(refused.every((r) => r.staff_id === me && r.target_staff_id === me)).toBe(true);
  expect(refused.map((r) => r.action)).toEqual(
    expect.arrayContaining([
      'fail:forbidden:manageStaff',
      'fail:forbidden:readAudit',
      'fail:forbidden:export',
      'fail:forbidden:exportResults',
      'fail:forbidden:delete',
    ]),
  );
  // Another site posting with her session: 403, audited against her.
  const crossSite = await page.request.post('/inbox/action/', {
    form: { action: 'take', id: String(id) },
    headers: { Origin: 'https://evil.example' },
    maxRedirects: 0,
  });
  expect(crossSite.status()).toBe(403);
  expect(auditRows('fail:origin')).toEqual([{ staff_id: me, target_staff_id: me, action: 'fail:origin' }]);
  expect(JSON.stringify(all('SELECT * FROM audit'))).not.toContain('Asha');
});

test('the last coordinator cannot be revoked or made staff: no button, 409 at the endpoint, exit 2 in the CLI', async () => {
  const { page } = people.coordinator!;
  const coordinatorId = one<{ id: number }>(`SELECT id FROM staff WHERE role = 'coordinator'`).id;
  const staffId = one<{ id: number }>(`SELECT id FROM staff WHERE name = 'Maryam Ali' AND role = 'staff'`).id;

  await page.goto('/inbox/staff/');
  const mine = page.locator(`[data-staff-id="${coordinatorId}"]`);
  await expect(mine).toContainText('er den sidste koordinator');
  await expect(mine.getByRole('button')).toHaveCount(0);
  expect(await axeViolations(page)).toEqual([]);

  const forms: Record<string, string>[] = [
    { action: 'revoke', staff: String(coordinatorId) },
    { action: 'role', staff: String(coordinatorId), role: 'staff' },
  ];
  for (const form of forms) {
    const res = await postForm(page, '/inbox/action/', form);
    expect(res.status(), form.action).toBe(409);
    expect(await res.text()).toContain('last coordinator');
  }
  for (const args of [
    ['revoke', '--id', String(coordinatorId)],
    ['revoke', '--name', 'Maryam Ali'],
    ['role', '--id', String(coordinatorId), '--role', 'staff'],
  ]) {
    const run = cli(...args);
    expect(run.status, args.join(' ')).toBe(2);
    expect(run.stderr).toMatch(/last coordinator|2 people are called "Maryam Ali": say which with --id/);
  }
  expect(cli('revoke', '--id', String(coordinatorId)).stderr).toContain('is the last coordinator');
  expect(one(`SELECT role, revoked_at FROM staff WHERE id = ?`, coordinatorId)).toEqual({ role: 'coordinator', revoked_at: null });

  // With a second coordinator (made on the staff page) the first can step down; the log says who, whom, from and to.
  const theirs = page.locator(`[data-staff-id="${staffId}"]`);
  await theirs.getByRole('button', { name: /^Gør til koordinator/ }).click();
  await expect(page.getByText('Gemt.')).toBeVisible();
  await expect(theirs).toHaveAttribute('data-role', 'coordinator');
  await expect(mine.getByRole('button', { name: /^Gør til medarbejder/ })).toBeVisible();
  expect(auditRows('role:%')).toEqual([{ staff_id: coordinatorId, target_staff_id: staffId, action: 'role:staff>coordinator' }]);
  const back = cli('role', '--id', String(staffId), '--role', 'staff');
  expect([back.status, back.stdout.trim()]).toEqual([0, `Maryam Ali (#${staffId}) is now staff.`]);
  expect(auditRows('role:%').at(-1)).toEqual({ staff_id: null, target_staff_id: staffId, action: 'role:coordinator>staff' });
});

test('adding a passkey needs a fresh passkey check: an old session is refused until she confirms, and she gets a mail', async ({
  browser,
}) => {
  const nadia = await newPerson(browser, 'nadia');
  await register(nadia.page, inviteByCli('--name', 'Nadia', '--email', 'nadia@example.dk'));
  const id = one<{ id: number }>(`SELECT id FROM staff WHERE name = 'Nadia'`).id;
  // The first passkey, from her invite, is told to her too: a stolen link would not go unseen.
  await expect
    .poll(() => mails.filter((m) => m.to === 'nadia@example.dk').map((m) => m.subject))
    .toEqual(['Ny adgangsnøgle til din konto i indbakken']);

  // Her session is 45 minutes old, its last passkey check too.
  const d = db();
  const old = new Date(Date.now() - 45 * 60_000).toISOString();
  d.prepare('UPDATE sessions SET created_at = ?, verified_at = ? WHERE staff_id = ?').run(old, old, id);
  d.close();
  const refused = await nadia.page.request.post('/inbox/passkey/register-options/', {
    data: {},
    headers: { Origin: origin, 'Content-Type': 'application/json' },
  });
  expect([refused.status(), await refused.json()]).toEqual([403, { ok: false, confirm: true }]);
  expect(auditRows('fail:passkey:unconfirmed').at(-1)).toEqual({ staff_id: id, target_staff_id: id, action: 'fail:passkey:unconfirmed' });

  // In the page: she confirms with the passkey she has, then makes one on another device (a second authenticator).
  await nadia.page.goto('/inbox/me/');
  await expect(nadia.page.getByText('Først bekræfter du med en adgangsnøgle, du allerede har.')).toBeVisible();
  await nadia.page.route('**/inbox/passkey/register-options/', async (route) => {
    await nadia.cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId: nadia.authenticator });
    nadia.authenticator = await addAuthenticator(nadia.cdp);
    await route.continue();
  });
  await nadia.page.getByRole('button', { name: 'Tilføj en adgangsnøgle mere' }).click();
  await expect(nadia.page).toHaveURL(/\/inbox\/me\/\?done=saved$/);
  await nadia.page.unroute('**/inbox/passkey/register-options/');
  const list = nadia.page.locator('[data-passkey-item]');
  await expect(list).toHaveCount(2);
  await expect(list.first()).toContainText('du er logget ind med denne');
  await expect(list.first()).toContainText('sidst brugt');
  await expect(list.nth(1)).toContainText('ikke brugt endnu');
  expect(auditRows('confirm').at(-1)).toEqual({ staff_id: id, target_staff_id: id, action: 'confirm' });
  expect(auditRows('passkey:add').filter((r) => r.target_staff_id === id)).toHaveLength(2);
  await expect.poll(() => mails.filter((m) => m.to === 'nadia@example.dk').length).toBe(2);
  const mail = mails.filter((m) => m.to === 'nadia@example.dk').at(-1)!;
  expect(mail.text).toContain('Var det ikke dig, så sig det til din koordinator med det samme.');
  expect(mail.text).toContain(`${origin}/inbox/me/`);
  expect(mail.raw).not.toMatch(/token=|Asha|2011 ?1111/);
  expect(await axeViolations(nadia.page)).toEqual([]);

  // She removes the second one; the only one left has no remove button, and a crafted removal is refused.
  await list
    .nth(1)
    .getByRole('button', { name: /^Fjern/ })
    .click();
  await expect(nadia.page.getByText('Adgangsnøglen er fjernet.')).toBeVisible();
  await expect(list).toHaveCount(1);
  await expect(nadia.page.getByRole('button', { name: /^Fjern/ })).toHaveCount(0);
  await expect(nadia.page.getByText('Din eneste adgangsnøgle kan ikke fjernes.')).toBeVisible();
  const only = one<{ id: string }>('SELECT id FROM passkeys WHERE staff_id = ?', id).id;
  expect((await postForm(nadia.page, '/inbox/action/', { action: 'passkey:remove', passkey: only })).status()).toBe(409);
  expect(one('SELECT count(*) AS n FROM passkeys WHERE staff_id = ?', id)).toEqual({ n: 1 });
});

test('"lost phone": a coordinator removes all her passkeys and sessions at once; a new link adds one to the same account', async () => {
  const coordinator = people.coordinator!.page;
  const nadia = people.nadia!;
  const id = one<{ id: number }>(`SELECT id FROM staff WHERE name = 'Nadia'`).id;
  const accounts = one<{ n: number }>('SELECT count(*) AS n FROM staff').n;
  await coordinator.goto('/inbox/staff/');
  const card = coordinator.locator(`[data-staff-id="${id}"]`);
  await card.getByRole('button', { name: /^Mistet telefon/ }).click();
  await expect(coordinator.getByText('Gemt.')).toBeVisible();
  await expect(card).toContainText('Ingen adgangsnøgle endnu');
  expect(one('SELECT count(*) AS n FROM passkeys WHERE staff_id = ?', id)).toEqual({ n: 0 });
  expect(one('SELECT count(*) AS n FROM sessions WHERE staff_id = ?', id)).toEqual({ n: 0 });
  await nadia.page.goto('/inbox/');
  await expect(nadia.page).toHaveURL(/\/inbox\/signin\/$/);

  await card.getByRole('button', { name: /^Nyt link/ }).click();
  const first = (await coordinator.locator('[data-invite-link]').textContent())!.trim();
  await coordinator.goto('/inbox/staff/');
  await coordinator
    .locator(`[data-staff-id="${id}"]`)
    .getByRole('button', { name: /^Nyt link/ })
    .click();
  const second = (await coordinator.locator('[data-invite-link]').textContent())!.trim();
  // The newer link replaces the older one.
  await nadia.page.goto(first);
  await expect(nadia.page.getByRole('heading', { level: 1 })).toHaveText('Linket virker ikke');
  const passkeyMails = () => mails.filter((m) => m.to === 'nadia@example.dk' && m.subject.startsWith('Ny adgangsnøgle')).length;
  const passkeyMailsBefore = passkeyMails();
  await register(nadia.page, second);
  // Her new passkey is mailed to her (the mail goes after the answer, so wait for it here, not in the next test).
  await expect.poll(passkeyMails).toBe(passkeyMailsBefore + 1);
  expect(one('SELECT count(*) AS n FROM staff')).toEqual({ n: accounts });
  expect(one('SELECT count(*) AS n FROM passkeys WHERE staff_id = ?', id)).toEqual({ n: 1 });
  expect(auditRows('lostphone')).toEqual([
    { staff_id: one<{ id: number }>(`SELECT id FROM staff WHERE role = 'coordinator'`).id, target_staff_id: id, action: 'lostphone' },
  ]);
});

test('failed sign-ins are audited without the credential, a burst mails the owner once, and a coordinator sees them', async () => {
  const id = one<{ id: number }>(`SELECT id FROM staff WHERE name = 'Nadia'`).id;
  const known = one<{ id: string }>('SELECT id FROM passkeys WHERE staff_id = ?', id).id;
  const post = (p: string, body: unknown) =>
    fetch(origin + p, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: origin }, body: JSON.stringify(body) });

  const unknown = await post('/inbox/passkey/signin/', { response: { id: 'no-such-passkey-id', response: {} } });
  expect(unknown.status).toBe(401);
  expect(auditRows('fail:signin:unknown').at(-1)).toEqual({ staff_id: null, target_staff_id: null, action: 'fail:signin:unknown' });

  const before = mails.filter((m) => m.to === 'nadia@example.dk').length;
  for (let i = 0; i < 7; i++) {
    const { challenge } = (await (await post('/inbox/passkey/signin-options/', {})).json()) as { challenge: string };
    const clientDataJSON = Buffer.from(JSON.stringify({ type: 'webauthn.get', challenge, origin })).toString('base64url');
    const bad = await post('/inbox/passkey/signin/', {
      response: {
        id: known,
        rawId: known,
        type: 'public-key',
        response: { clientDataJSON, authenticatorData: 'AAAA', signature: 'AAAA' },
        clientExtensionResults: {},
      },
    });
    expect(bad.status).toBe(401);
  }
  expect(auditRows('fail:signin').filter((r) => r.target_staff_id === id)).toHaveLength(7);
  // One mail for the burst, not one per failure.
  await expect.poll(() => mails.filter((m) => m.to === 'nadia@example.dk').length).toBe(before + 1);
  await new Promise((resolve) => setTimeout(resolve, 500));
  const told = mails.filter((m) => m.to === 'nadia@example.dk').slice(before);
  expect(told.map((m) => m.subject)).toEqual(['Mislykkede forsøg på din konto i indbakken']);
  const everything = JSON.stringify(all('SELECT * FROM audit'));
  expect(everything).not.toContain(known);
  expect(everything).not.toContain('no-such-passkey-id');

  const { page } = people.coordinator!;
  await page.goto('/inbox/audit/?show=failures');
  const failed = page.locator('[data-audit-action="fail:signin"]');
  await expect(failed.first()).toContainText('Nadia');
  await expect(page.locator('[data-audit-action="fail:signin:unknown"]')).toHaveCount(1);
  await expect(page.locator('[data-audit-action="signin"]')).toHaveCount(0);
  expect(await axeViolations(page)).toEqual([]);
});

test('an old session cookie after sign-out is signed out', async () => {
  const { page, context } = people.coordinator!;
  const cookie = (await context.cookies()).find((c) => c.name === 'inbox')!;
  expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
  await page.goto('/inbox/');
  await page.getByRole('button', { name: 'Log ud' }).click();
  await expect(page.getByText('Du er logget ud.')).toBeVisible();
  const headers = { Cookie: `inbox=${cookie.value}` };
  const list = await fetch(`${origin}/inbox/`, { redirect: 'manual', headers });
  expect([list.status, list.headers.get('location')]).toEqual([303, '/inbox/signin/']);
  const change = await fetch(`${origin}/inbox/action/`, {
    method: 'POST',
    redirect: 'manual',
    headers: { ...headers, Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'action=invite&name=Someone',
  });
  expect(change.status).toBe(401);
  expect(one(`SELECT count(*) AS n FROM staff WHERE name = 'Someone'`)).toEqual({ n: 0 });
});
