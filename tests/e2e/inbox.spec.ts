/**
 * The staff inbox, end to end on a server of its own (http://localhost:<port>, the WebAuthn RP ID),
 * with Chromium's virtual authenticator and an in-process SMTP sink: invite → passkey → a request
 * sent through the real public form appears → contacted → Excel → delete → audit rows; the notice
 * mail holds nothing of hers; nothing shows without a session; invites and revocation hold.
 */
import { expect, test, type Page } from '../helpers/test.ts';
import { axeViolations } from '../helpers/axe.ts';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import ExcelJS from 'exceljs';
import type { SunkMail } from '../helpers/mailSink.ts';
import { addAuthenticator, addRequest, inviteByCli as staffInvite, sendSomaliInterest, startInboxServer } from '../helpers/staffInbox.ts';
import type { OwnServer } from '../helpers/interestServer.ts';
import { nuCheckerErrors } from '../helpers/nuChecker.ts';

// Passkey ceremonies, axe and a real form post per test: generous on a shared 2-core machine.
test.describe.configure({ mode: 'serial', timeout: 90_000 });

const port = Number(process.env.E2E_PORT ?? 4322) + 1;
const origin = `http://localhost:${port}`;
const mails: SunkMail[] = [];
let server: OwnServer;
let stop: (() => Promise<void>) | undefined;

/** Runs the staff CLI against the test server's data directory; returns the invite link it prints. */
const inviteByCli = (...args: string[]) => staffInvite({ ...process.env, DATA_DIR: server.dataDir, PUBLIC_ORIGIN: origin }, ...args);

async function expectNoAxeViolations(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

const db = () => new DatabaseSync(path.join(server.dataDir, 'interest.sqlite'));

test.beforeAll(async () => {
  ({ server, stop } = await startInboxServer(port, mails, { NOTICE_INTERVAL_MS: '300' }));
});

test.afterAll(async () => {
  await stop?.();
});

test.use({ baseURL: origin });

test('not signed in, every inbox address redirects to sign-in or refuses, and shows nothing', async () => {
  const pages = [
    '/inbox/',
    '/inbox/?show=all',
    '/inbox/request/1/',
    '/inbox/request/1/delete/',
    '/inbox/me/',
    '/inbox/staff/',
    '/inbox/audit/',
    '/inbox/problem/',
  ];
  for (const p of pages) {
    const res = await fetch(origin + p, { redirect: 'manual', headers: { Cookie: 'inbox=forged-session-id' } });
    expect(res.status, p).toBe(303);
    expect(res.headers.get('location'), p).toBe('/inbox/signin/');
    expect(res.headers.get('cache-control'), p).toBe('no-store');
    expect(await res.text(), p).toBe('');
  }
  const post = (p: string, body: string, headers: Record<string, string> = {}) =>
    fetch(origin + p, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin, ...headers },
      body,
    });
  for (const p of ['/inbox/action/', '/inbox/export/']) {
    const res = await post(p, 'action=delete&id=1');
    expect(res.status, p).toBe(401);
    expect(await res.text()).not.toMatch(/\d+ henvendelse/);
  }
  // Another site posting, even with a session cookie: 403 before anything else.
  expect((await post('/inbox/action/', 'action=delete&id=1', { Origin: 'https://evil.example' })).status).toBe(403);
  expect((await post('/inbox/signout/', '', { Origin: 'https://evil.example' })).status).toBe(403);
  const json = await fetch(`${origin}/inbox/passkey/signin-options/`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example' },
    body: '{}',
  });
  expect(json.status).toBe(403);
  // A GET to an action changes nothing.
  expect((await fetch(`${origin}/inbox/action/?action=delete&id=1`, { redirect: 'manual' })).status).toBe(303);
});

test('the whole flow: invite, passkey, a request from the public form, contacted, Excel, delete, audit', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await addAuthenticator(page);
  const link = inviteByCli('--name', 'Maryam Ali', '--email', 'maryam@example.dk', '--coordinator');

  // Register from the invite; she is signed in and asked to add another passkey.
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Velkommen til indbakken');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Opret adgangsnøgle' }).click();
  await expect(page).toHaveURL(/\/inbox\/me\/\?welcome$/);
  await expect(page.getByText('Din adgangsnøgle er oprettet')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Tilføj en adgangsnøgle mere' })).toBeVisible();
  // Her first passkey is mailed to her too; it goes after the answer, so wait for it before counting.
  await expect.poll(() => mails.some((m) => m.to === 'maryam@example.dk' && m.subject.startsWith('Ny adgangsnøgle'))).toBe(true);
  const mailsBefore = mails.length;

  // A woman sends the real public form in Somali, JavaScript on, as a browser does.
  await sendSomaliInterest(page, origin);

  // The notice reaches every active staff member with mail on, and holds nothing of hers.
  await expect.poll(() => mails.length, { timeout: 10_000 }).toBeGreaterThan(mailsBefore);
  const notice = mails.at(-1)!;
  expect(notice.subject).toBe('Ny henvendelse venter');
  expect(notice.to).toBe('maryam@example.dk');
  expect(notice.raw).toContain(`${origin}/inbox/`);
  for (const secret of ['Hodan', '99 88 77', '20998877', 'Soomaali', 'somali', 'so/'])
    expect(notice.raw.toLowerCase()).not.toContain(secret.toLowerCase());

  // It appears in the list, waiting, with her language and phone for reading.
  await page.goto('/inbox/');
  const card = page.locator('li', { hasText: 'Hodan' });
  await expect(card).toContainText('Soomaali · somali');
  await expect(card).toContainText('+45 20 99 88 77');
  await expect(card).toContainText('Ønsker tolk');
  await expect(card.getByRole('link', { name: '+45 20 99 88 77' })).toHaveAttribute('href', 'tel:+4520998877');
  await expectNoAxeViolations(page);

  // Take it, write to her in Somali, mark contacted.
  await card.getByRole('link', { name: /Åbn/ }).click();
  const id = Number(/\/inbox\/request\/(\d+)\//.exec(page.url())![1]);
  await page.getByRole('button', { name: 'Jeg tager den' }).click();
  await expect(page.getByText('Du har taget henvendelsen')).toBeVisible();
  // The "call back" message (the meeting invitation beside it has its own spec: meeting-invitation.spec.ts).
  const ready = page.locator('section[aria-labelledby="message-heading"]');
  await expect(ready.locator('blockquote[lang="so"]')).toContainText('Salaan Hodan, waxaan ahay Maryam');
  await expect(ready.getByRole('link', { name: 'SMS' })).toHaveAttribute('href', /^sms:\+4520998877\?body=Salaan%20Hodan/);
  await expect(ready.getByText('Hej Hodan. Det er Maryam fra Åben Dør.')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('Kontaktet').check();
  await page.getByRole('button', { name: 'Sæt status' }).click();
  await expect(page.getByRole('heading', { name: 'Status: Kontaktet' })).toBeVisible();

  // A short note, with the warning beside the box.
  const note = page.getByRole('textbox', { name: 'Kort note' });
  await expect(note).toHaveAccessibleDescription(/Skriv aldrig om helbred, religion eller familieforhold/);
  await note.fill('Ringer igen torsdag.');
  await page.getByRole('button', { name: 'Gem note' }).click();
  await expect(page.getByRole('textbox', { name: 'Kort note' })).toHaveValue('Ringer igen torsdag.');

  // Every page she can open passes the W3C Nu checker, as the server sends it (one Java start).
  const pages = [
    '/inbox/',
    '/inbox/?show=all',
    `/inbox/request/${id}/`,
    `/inbox/request/${id}/delete/`,
    '/inbox/me/',
    '/inbox/staff/',
    '/inbox/audit/',
    '/inbox/results/',
  ];
  const names = new Map<string, string>();
  for (const [i, address] of pages.entries()) {
    const res = await page.request.get(address, { maxRedirects: 0 });
    expect(res.status(), address).toBe(200);
    const file = testInfo.outputPath(`inbox-${i}.html`);
    writeFileSync(file, await res.text());
    names.set(file, address);
  }
  expect(await nuCheckerErrors([...names.keys()], (file) => names.get(file) ?? file)).toEqual([]);

  // Excel: read the download back.
  await page.goto('/inbox/?show=all');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Hent som Excel' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^henvendelser-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('Henvendelser')!;
  expect(sheet.getRow(1).getCell(3).value).toBe('Fornavn');
  const row = sheet.getRow(2);
  expect(row.getCell(3).value).toBe('Hodan');
  expect(row.getCell(4).value).toBe('+4520998877');
  expect(row.getCell(2).value).toBeInstanceOf(Date);
  expect(row.getCell(10).value).toBe('Kontaktet');

  // Delete now, after the confirmation step.
  await page.goto(`/inbox/request/${id}/`);
  await page.getByRole('link', { name: 'Slet henvendelsen nu' }).click();
  await expect(page.getByText(`Skal henvendelse nr. ${id} slettes nu?`)).toBeVisible();
  await page.getByRole('button', { name: 'Ja, slet nu' }).click();
  await expect(page).toHaveURL(/\/inbox\/\?done=deleted$/);
  const left = db();
  expect(left.prepare('SELECT count(*) AS n FROM interest WHERE id = ?').get(id)).toEqual({ n: 0 });

  // The audit log has every step, and nothing of hers.
  const actions = (
    left.prepare('SELECT action, request_id FROM audit ORDER BY id').all() as { action: string; request_id: number | null }[]
  ).map((a) => `${a.action}${a.request_id === id ? '#' : ''}`);
  expect(actions).toEqual(
    expect.arrayContaining(['invite', 'passkey:add', 'signin', 'view#', 'take#', 'status:contacted#', 'note#', 'export', 'delete#']),
  );
  expect(JSON.stringify(left.prepare('SELECT * FROM audit').all())).not.toContain('Hodan');
  left.close();
  await page.goto('/inbox/audit/');
  await expect(page.locator('[data-audit-action="delete"]')).toContainText(String(id));
  await expectNoAxeViolations(page);

  // Sign out, then back in with the passkey.
  await page.getByRole('button', { name: 'Log ud' }).click();
  await expect(page.getByText('Du er logget ud.')).toBeVisible();
  expect((await page.request.get('/inbox/', { maxRedirects: 0 })).status()).toBe(303);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Log ind med adgangsnøgle' }).click();
  await expect(page).toHaveURL(/\/inbox\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Indbakke');
});

test('the passkey button can only be pressed once its script runs: disabled without JavaScript, and until the script has loaded', async ({
  browser,
  page,
}) => {
  // Without JavaScript: a disabled button, and the note that says why.
  const noScript = await browser.newContext({ javaScriptEnabled: false, baseURL: origin });
  const plain = await noScript.newPage();
  await plain.goto('/inbox/signin/');
  await expect(plain.getByRole('button', { name: 'Log ind med adgangsnøgle' })).toBeDisabled();
  // (A browser without scripting shows <noscript>; Playwright only stops scripts from running, so
  // the note is read from the markup.)
  expect(await plain.locator('noscript').evaluate((note) => note.innerHTML)).toContain('Log ind med adgangsnøgle kræver JavaScript.');
  await noScript.close();

  // On a slow line the page shows before its script: the button stays disabled until it arrives
  // (before, a press then did nothing at all), and then it works.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/_astro/*.js', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/inbox/signin/', { waitUntil: 'commit' });
  const button = page.getByRole('button', { name: 'Log ind med adgangsnøgle' });
  await expect(button).toBeVisible();
  await expect(button).toBeDisabled();
  release();
  await expect(button).toBeEnabled();
});

test('a tampered, expired or used invite gets a clear page and changes nothing', async ({ page }) => {
  await addAuthenticator(page);
  const link = inviteByCli('--name', 'Leyla');
  const tampered = link.replace(/token=(.)/, (_, c: string) => `token=${c === 'A' ? 'B' : 'A'}`);
  const before = db().prepare('SELECT count(*) AS n FROM passkeys').get();
  const res = await page.goto(tampered);
  expect(res!.status()).toBe(410);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Linket virker ikke');
  await expect(page.getByRole('button')).toHaveCount(0);

  const expired = inviteByCli('--name', 'Sara');
  const d = db();
  d.prepare(`UPDATE invites SET expires_at = '2020-01-01T00:00:00Z' WHERE staff_id = (SELECT id FROM staff WHERE name = 'Sara')`).run();
  d.close();
  await page.goto(expired);
  await expect(page.getByText('Linket er udløbet')).toBeVisible();

  await page.goto(link);
  await page.getByRole('button', { name: 'Opret adgangsnøgle' }).click();
  await expect(page).toHaveURL(/\/inbox\/me\/\?welcome$/);
  await page.goto(link);
  await expect(page.getByText('Linket er allerede brugt')).toBeVisible();
  expect(Number((db().prepare('SELECT count(*) AS n FROM passkeys').get() as { n: number }).n)).toBe(
    Number((before as { n: number }).n) + 1,
  );
});

test("a revoked person's open session stops at her next request", async ({ browser, page }) => {
  await addAuthenticator(page);
  await page.goto(inviteByCli('--name', 'Coordinator Two', '--coordinator'));
  await page.getByRole('button', { name: 'Opret adgangsnøgle' }).click();
  await expect(page).toHaveURL(/welcome/);

  const other = await browser.newPage({ baseURL: origin });
  await addAuthenticator(other);
  await other.goto(inviteByCli('--name', 'Amina'));
  await other.getByRole('button', { name: 'Opret adgangsnøgle' }).click();
  await expect(other).toHaveURL(/welcome/);
  await other.goto('/inbox/');
  await expect(other.getByRole('heading', { level: 1 })).toHaveText('Indbakke');

  await page.goto('/inbox/staff/');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: /^Fjern adgang\W+Amina$/ }).click();
  await expect(page.getByText(/Fjernet/)).toBeVisible();

  await other.goto('/inbox/');
  await expect(other).toHaveURL(/\/inbox\/signin\/$/);
  await other.close();
});

test('a coordinator invites from the inbox: the link is shown once and mailed', async ({ page }) => {
  await addAuthenticator(page);
  await page.goto(inviteByCli('--name', 'Coordinator Three', '--coordinator'));
  await page.getByRole('button', { name: 'Opret adgangsnøgle' }).click();
  await expect(page).toHaveURL(/welcome/);
  await page.goto('/inbox/staff/');
  await page.getByLabel('Navn').fill('Nadia');
  await page.getByLabel(/E-mail/).fill('nadia@example.dk');
  await page.getByRole('button', { name: 'Inviter', exact: true }).click();
  const shown = await page.locator('[data-invite-link]').textContent();
  expect(shown).toMatch(new RegExp(`^${origin}/inbox/invite/\\?token=[A-Za-z0-9_-]{22}$`));
  await expect(page.getByText('Linket er også sendt til hendes e-mail.')).toBeVisible();
  expect(mails.some((m) => m.to === 'nadia@example.dk' && m.raw.includes(shown!.split('token=')[1]!))).toBe(true);
  await page.goto('/inbox/staff/');
  await expect(page.locator('[data-invite-link]')).toHaveCount(0);
});

test('a locked database answers 503 with a message, and the change is not half written', async ({ page }) => {
  test.setTimeout(60_000);
  await addAuthenticator(page);
  await page.goto(inviteByCli('--name', 'Zainab'));
  await page.getByRole('button', { name: 'Opret adgangsnøgle' }).click();
  await expect(page).toHaveURL(/welcome/);
  const d = db();
  const id = addRequest(d);
  // Request ids come back after a deletion (SQLite reuses the highest rowid), and the audit log keeps old rows: count from here.
  const statusRows = () => d.prepare(`SELECT count(*) AS n FROM audit WHERE request_id = ? AND action LIKE 'status:%'`).get(id);
  const before = statusRows();
  await page.goto(`/inbox/request/${id}/`);
  await page.getByLabel('Kontaktet').check();
  d.exec('BEGIN EXCLUSIVE');
  try {
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/inbox/action/')),
      page.getByRole('button', { name: 'Sæt status' }).click(),
    ]);
    expect(response.status()).toBe(503);
    await expect(page.getByRole('alert')).toContainText('Databasen er optaget eller fuld lige nu. Intet er gemt.');
  } finally {
    d.exec('ROLLBACK');
  }
  expect(d.prepare('SELECT status FROM interest WHERE id = ?').get(id)).toEqual({ status: 'new' });
  expect(statusRows()).toEqual(before);
  d.close();
});

test('the inbox is in no sitemap, search index or public page', async () => {
  const sitemap = await (await fetch(`${origin}/sitemap-0.xml`)).text();
  expect(sitemap).toContain('/da/');
  expect(sitemap).not.toContain('/inbox');
  const dist = path.resolve('dist/client');
  const { readdirSync } = await import('node:fs');
  const files = readdirSync(dist, { recursive: true, encoding: 'utf8' });
  expect(files.filter((f) => f.startsWith('inbox'))).toEqual([]);
  const pagefind = files.filter((f) => f.startsWith('pagefind/') && f.endsWith('.pf_fragment'));
  expect(pagefind.length).toBeGreaterThan(0);
  const linking = files.filter((f) => f.endsWith('.html') && readFileSync(path.join(dist, f), 'utf8').includes('/inbox/'));
  expect(linking).toEqual([]);
});

test('a body too large for any endpoint is refused with 413 before it is read', async () => {
  const { connect } = await import('node:net');
  /** Sends `head` (and `body`) on a raw connection; resolves with the answer's first line and the time it took. */
  const raw = (head: string, body?: Buffer) =>
    new Promise<{ statusLine: string; ms: number }>((resolve, reject) => {
      const started = Date.now();
      const socket = connect(port, '127.0.0.1');
      let answer = '';
      socket.on('data', (chunk: Buffer) => {
        answer += chunk.toString();
        if (answer.includes('\r\n')) {
          resolve({ statusLine: answer.split('\r\n')[0]!, ms: Date.now() - started });
          socket.destroy();
        }
      });
      socket.on('error', reject);
      socket.write(head);
      if (body) socket.write(body, () => {});
    });
  const head = (p: string, length: string) =>
    [`POST ${p} HTTP/1.1`, `Host: localhost:${port}`, `Origin: ${origin}`, 'Content-Type: application/json', length, '', ''].join('\r\n');
  for (const p of ['/inbox/passkey/signin/', '/inbox/passkey/register-options/', '/inbox/action/', '/api/referral']) {
    // Declared 10 MB, and nothing sent: answered at once (before, the passkey endpoints waited for the whole body).
    const declared = await raw(head(p, 'Content-Length: 10000000'));
    expect(declared.statusLine, p).toBe('HTTP/1.1 413 Payload Too Large');
    expect(declared.ms, p).toBeLessThan(2000);
  }
  // Chunked, with no length: reading stops past the limit (the adapter's bodySizeLimit), 413.
  const chunk = Buffer.from(`10000\r\n${' '.repeat(0x10000)}\r\n`);
  const chunked = await raw(head('/inbox/passkey/signin-options/', 'Transfer-Encoding: chunked'), Buffer.concat([chunk, chunk, chunk]));
  expect(chunked.statusLine).toBe('HTTP/1.1 413 Payload Too Large');
});

// Last: it spends this client's sign-in attempts.
test('sign-in and invite attempts are rate-limited, with the same answer for known and unknown people', async () => {
  const post = (p: string, body: unknown) =>
    fetch(origin + p, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: origin }, body: JSON.stringify(body) });
  const unknown = await post('/inbox/passkey/signin/', { response: { id: 'no-such-passkey', response: {} } });
  const known = await post('/inbox/passkey/signin/', {
    response: { id: String((db().prepare('SELECT id FROM passkeys LIMIT 1').get() as { id: string }).id), response: {} },
  });
  expect([unknown.status, await unknown.text()]).toEqual([known.status, await known.text()]);
  let status = 0;
  for (let i = 0; i < 30 && status !== 429; i++)
    status = (await post('/inbox/passkey/register-options/', { invite: `guess${i}`.padEnd(22, 'x') })).status;
  expect(status).toBe(429);
  expect((await post('/inbox/passkey/signin-options/', {})).status).toBe(429);
  expect((await post('/inbox/passkey/signin-options/', {})).status).toBe(429);
  // The limit hits are audited once per client and place per quarter hour (a flood cannot fill the log), the guesses each.
  const d = db();
  const failures = (
    d.prepare(`SELECT action, count(*) AS n FROM audit WHERE action LIKE 'fail:%' GROUP BY action`).all() as {
      action: string;
      n: number;
    }[]
  ).reduce<Record<string, number>>((counts, r) => ({ ...counts, [r.action]: Number(r.n) }), {});
  d.close();
  expect(failures).toMatchObject({ 'fail:ratelimit:invite': 1, 'fail:ratelimit:signin': 1, 'fail:signin:unknown': 1, 'fail:signin': 1 });
  expect(failures['fail:invite:unknown']).toBeGreaterThan(1);
});
