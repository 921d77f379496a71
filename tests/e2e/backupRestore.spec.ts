/**
 * The restore drill, as IT should run it (docs/operations.md → Restore drill): a coordinator enrols
 * a passkey; women's requests keep arriving while `npm run backup` makes an age-encrypted backup;
 * the backup is restored with `npm run restore` into a fresh data folder; a server started on it
 * lets the coordinator sign in with the SAME passkey, and its inbox lists every request that was
 * acknowledged (303) before the backup began. A restore into a folder that holds data is refused.
 * Also the upgrade path: a server backs up an older database before migrating it, and refuses one
 * newer than its code.
 */
import { expect, test, type Page } from '../helpers/test.ts';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { normalisePhone } from '#src/forms/normalisePhone.ts';
import { ageHeader, newAgeIdentity } from '#src/store/ageEncryption.ts';
import { latestVersion, migrate, migrations } from '#src/store/migrations.ts';
import { postInterest, startOwnServer, validFields, type OwnServer } from '../helpers/interestServer.ts';
import { startServer } from '../../scripts/lib/startServer.ts';
import { addAuthenticator, inviteByCli } from '../helpers/staffInbox.ts';

test.describe.configure({ mode: 'serial', timeout: 180_000 });

// The inbox's passkeys are bound to http://localhost (the RP ID is the host): both servers of the drill use this origin.
const port = Number(process.env.E2E_PORT ?? 4322) + 7;
const origin = `http://localhost:${port}`;
let work: string;

test.beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'restore-drill-'));
});
test.afterAll(() => rmSync(work, { recursive: true, force: true }));
test.use({ baseURL: origin });

/** Runs `npm run <script> -- …args` as IT does; resolves with its exit code and output. */
function npmRun(
  script: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '-s', script, '--', ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Every phone number the inbox lists (all requests, every page), as the staff member sees it. */
async function phonesInInbox(page: Page): Promise<Set<string>> {
  const phones = new Set<string>();
  for (let n = 1; n < 1000; n++) {
    const res = await page.request.get(`/inbox/?show=all&page=${n}`, { maxRedirects: 0 });
    expect(res.status()).toBe(200);
    const found = [...(await res.text()).matchAll(/href="tel:([^"]+)"/g)].map((m) => m[1]!);
    if (found.length === 0) break;
    for (const phone of found) phones.add(phone);
  }
  return phones;
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const env = { PUBLIC_ORIGIN: origin, INTEREST_MIN_FILL_MS: '0', INTEREST_RATE_LIMIT: '0', FORM_SECRET: '' };

test('the restore drill: backup under load → age file → restore → the same passkey signs in → every acknowledged request is there', async ({
  page,
}) => {
  const t = { start: Date.now() } as Record<string, number>;
  const key = await newAgeIdentity();
  const keyFile = path.join(work, 'backup.key');
  writeFileSync(keyFile, key.fileText, { mode: 0o600 });
  const backupFile = path.join(work, 'backups', 'aaben-doer-20270101T023000Z.backup');
  const liveDir = path.join(work, 'live');
  const restoredDir = path.join(work, 'restored');

  // The live site, with its form secret in its data folder (not from the environment), and a coordinator.
  let server: OwnServer = await startOwnServer(env, liveDir, port);
  const secret = readFileSync(path.join(liveDir, 'form-secret'), 'utf8');
  await addAuthenticator(page);
  await page.goto(inviteByCli({ ...process.env, DATA_DIR: liveDir, PUBLIC_ORIGIN: origin }, '--name', 'Maryam', '--coordinator'));
  await page.getByRole('button', { name: 'Opret adgangsnøgle' }).click();
  await expect(page).toHaveURL(/\/inbox\/me\/\?welcome$/);
  t.enrolled = Date.now();

  // Women's requests keep arriving, four at a time, before, during and after the backup.
  const acked: { phone: string; sentAt: number; ackedAt: number }[] = [];
  const refused: number[] = [];
  let posting = true;
  const poster = async () => {
    while (posting) {
      const fields = validFields({}, secret);
      const sentAt = Date.now();
      const res = await postInterest(origin, fields);
      if (res.status === 303) acked.push({ phone: fields.phone as string, sentAt, ackedAt: Date.now() });
      else refused.push(res.status);
    }
  };
  const posters = [poster(), poster(), poster(), poster()];
  /** Waits (up to 30 s) until `enough` says so, checking every 50 ms. */
  const until = async (enough: () => boolean) => {
    for (const deadline = Date.now() + 30_000; !enough() && Date.now() < deadline;) await new Promise((r) => setTimeout(r, 50));
  };
  await until(() => acked.length >= 50);

  t.backupStarted = Date.now();
  const backup = await npmRun('backup', ['--out', backupFile, '--keep', '7'], { DATA_DIR: liveDir, BACKUP_AGE_RECIPIENT: key.recipient });
  t.backupEnded = Date.now();
  await until(() => acked.filter((a) => a.sentAt > t.backupEnded!).length >= 10);
  posting = false;
  await Promise.all(posters);
  expect(backup.stderr).toBe('');
  expect(backup.code).toBe(0);
  expect(backup.stdout).toMatch(
    /^Backup made: .*age-encrypted.*: \d+ requests, 1 staff, 1 passkeys, \d+ audit rows, schema \d+, with the form secret\.$/m,
  );
  expect(refused).toEqual([]);
  const before = acked.filter((a) => a.ackedAt < t.backupStarted!);
  const during = acked.filter((a) => a.ackedAt >= t.backupStarted! && a.sentAt <= t.backupEnded!);
  const after = acked.filter((a) => a.sentAt > t.backupEnded!);
  expect(before.length).toBeGreaterThanOrEqual(50);
  expect(during.length, 'posts acknowledged while the backup ran').toBeGreaterThan(0);
  expect(after.length).toBeGreaterThanOrEqual(10);

  // The file is age, and holds nothing readable of hers.
  const sealed = readFileSync(backupFile);
  expect(sealed.subarray(0, ageHeader.length).toString()).toBe(ageHeader);
  for (const a of before.slice(0, 20)) expect(sealed.includes(Buffer.from(a.phone))).toBe(false);

  // The disaster: the live server is gone. A restore into its folder (which still holds data) is refused.
  await server.stop();
  const liveDb = path.join(liveDir, 'interest.sqlite');
  const liveHash = sha256(liveDb);
  const refusedRestore = await npmRun('restore', [backupFile], { DATA_DIR: liveDir, AGE_IDENTITY: keyFile });
  expect(refusedRestore.code).toBe(1);
  expect(refusedRestore.stderr).toMatch(/is not empty: it already holds interest\.sqlite.*--force/);
  expect(sha256(liveDb)).toBe(liveHash);

  t.restoreStarted = Date.now();
  const restore = await npmRun('restore', [backupFile], { DATA_DIR: restoredDir, AGE_IDENTITY: keyFile });
  t.restoreEnded = Date.now();
  expect(restore.stderr).toBe('');
  expect(restore.code).toBe(0);
  expect(restore.stdout).toMatch(/decrypted, integrity ok.*1 staff, 1 passkeys.*the form secret written back/);
  expect(readFileSync(path.join(restoredDir, 'form-secret'), 'utf8')).toBe(secret);

  // A new server on the restored folder, at the same address; the browser's session is gone.
  server = await startOwnServer(env, restoredDir, port);
  t.restoredServerUp = Date.now();
  try {
    await page.context().clearCookies();
    await page.goto('/inbox/signin/');
    await page.getByRole('button', { name: 'Log ind med adgangsnøgle' }).click();
    await expect(page).toHaveURL(/\/inbox\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Indbakke');
    t.signedIn = Date.now();

    const listed = await phonesInInbox(page);
    const normalised = (phone: string) => (normalisePhone(phone) as { phone: string }).phone;
    const missing = before.filter((a) => !listed.has(normalised(a.phone)));
    expect(missing, 'requests acknowledged before the backup began but not in the restored inbox').toEqual([]);
    // And it is the backup, not the live file: nothing sent after the backup ended is there.
    expect(after.filter((a) => listed.has(normalised(a.phone)))).toEqual([]);
    t.checked = Date.now();

    // The form secret came back: a page served by the old server can still be sent to the new one.
    expect((await postInterest(origin, validFields({}, secret))).status).toBe(303);

    const s = (a: string, b: string) => `${((t[b]! - t[a]!) / 1000).toFixed(1)} s`;
    const timings =
      `enrol ${s('start', 'enrolled')}; backup under load ${s('backupStarted', 'backupEnded')} ` +
      `(${before.length} requests acknowledged before it, ${during.length} during, ${after.length} after); ` +
      `restore ${s('restoreStarted', 'restoreEnded')}; server up ${s('restoreEnded', 'restoredServerUp')}; ` +
      `sign-in ${s('restoredServerUp', 'signedIn')}; inbox checked (${listed.size} listed) ${s('signedIn', 'checked')}; ` +
      `whole drill ${s('start', 'checked')}`;
    test.info().annotations.push({ type: 'drill timings', description: timings });
    console.log(`restore drill: ${timings}`);
  } finally {
    await server.stop();
  }
});

test('upgrades: a server backs up an older database before it migrates it, and refuses one newer than its code', async () => {
  // A data folder as an older release left it.
  const older = path.join(work, 'older');
  mkdirSync(older, { recursive: true });
  const db = new DatabaseSync(path.join(older, 'interest.sqlite'));
  db.exec('PRAGMA journal_mode = WAL');
  migrate(db, migrations.slice(0, latestVersion - 1));
  db.close();
  const server = await startOwnServer({}, older);
  try {
    expect(server.output()).toMatch(
      new RegExp(`database: schema ${latestVersion - 1} → ${latestVersion}; backed up first to \\S+pre-upgrade-`),
    );
    expect(readdirSync(path.join(older, 'backups'))).toEqual([
      expect.stringMatching(new RegExp(`^pre-upgrade-${latestVersion - 1}-${latestVersion}-\\d{8}T\\d{6}Z\\.sqlite$`)),
    ]);
    expect((await fetch(`${server.baseURL}/healthz`)).status).toBe(200);
  } finally {
    await server.stop();
  }

  // The same folder, now "written by a newer release".
  const file = path.join(older, 'interest.sqlite');
  const newer = new DatabaseSync(file);
  newer.exec(`PRAGMA user_version = ${latestVersion + 1}`);
  newer.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  newer.close();
  const hash = sha256(file);
  const refused = await startServer({ env: { DATA_DIR: older }, timeoutMs: 20_000 }).then(
    () => 'started',
    (error: Error) => error.message,
  );
  expect(refused).toMatch(/the server exited \(3\)/);
  expect(refused).toMatch(
    `database: refused. The database has schema version ${latestVersion + 1}, but this code knows versions up to ${latestVersion}`,
  );
  expect(sha256(file)).toBe(hash);
});
