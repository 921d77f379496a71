/**
 * Backups and restores (src/store/makeBackup.ts, restoreBackup.ts, pruneBackups.ts, ageEncryption.ts
 * and the CLIs scripts/backup.ts, scripts/restore.ts): everything comes back (requests, staff,
 * passkeys, audit, the form secret), encrypted ones only with the key, and a restore never
 * overwrites data.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { loadFormSecret } from '#src/forms/formToken.ts';
import { ageHeader, newAgeIdentity } from '#src/store/ageEncryption.ts';
import { writeAudit } from '#src/store/audit.ts';
import { BackupError } from '#src/store/backupTo.ts';
import { formSecretFile } from '#src/forms/formToken.ts';
import { backupMetaTable, makeBackup } from '#src/store/makeBackup.ts';
import { latestVersion, NewerSchemaError } from '#src/store/migrations.ts';
import { openStore } from '#src/store/openStore.ts';
import { insertPasskey } from '#src/store/passkeys.ts';
import { pruneBackups, seriesPattern } from '#src/store/pruneBackups.ts';
import { requestIntake } from '#src/store/requestIntake.ts';
import { RestoreError, restoreBackup } from '#src/store/restoreBackup.ts';
import { staffStore } from '#src/store/staff.ts';
import { validRequestInput } from '../helpers/requestInput.ts';

const phoneOf = (i: number) => `+45${30_000_000 + i}`;

/** A data directory as a running site has it: requests, a coordinator with a passkey, audit rows, the form secret. */
function seedDataDir(dataDir: string, requests = 25) {
  const store = openStore({ dataDir });
  // A test's seed need not survive a power cut: no fsync per row.
  store.db.exec('PRAGMA synchronous = OFF');
  const intake = requestIntake(store.db);
  for (let i = 0; i < requests; i++) intake.add({ ...validRequestInput, phone: phoneOf(i) });
  const staff = staffStore(store.db);
  const { staffId } = staff.invite({ name: 'Maryam', email: 'maryam@example.dk', role: 'coordinator' });
  insertPasskey(
    store.db,
    { id: 'credential-1', staffId, publicKey: new Uint8Array([1, 2, 3, 4]), counter: 7, transports: ['internal'] },
    new Date(),
  );
  writeAudit(store.db, { staffId, action: 'signin' });
  store.close();
  const secret = loadFormSecret(dataDir, {});
  return { staffId, secret };
}

function rowsOf(dataDir: string) {
  const db = new DatabaseSync(path.join(dataDir, 'interest.sqlite'), { readOnly: true });
  try {
    return {
      phones: (db.prepare('SELECT phone FROM interest ORDER BY id').all() as { phone: string }[]).map((r) => r.phone),
      staff: db.prepare('SELECT name, role FROM staff').all(),
      passkeys: db.prepare('SELECT id, counter, public_key FROM passkeys').all(),
      audit: (db.prepare('SELECT action FROM audit ORDER BY id').all() as { action: string }[]).map((r) => r.action),
      version: (db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version,
      metaTable: db.prepare('SELECT name FROM sqlite_master WHERE name = ?').get(backupMetaTable),
    };
  } finally {
    db.close();
  }
}

describe('makeBackup() and restoreBackup()', () => {
  let dir: string;
  let dataDir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'backup-restore-'));
    dataDir = path.join(dir, 'data');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('the form secret file is the one the form keeps (one name for both)', () => {
    const secret = loadFormSecret(dataDir, {});
    expect(readFileSync(path.join(dataDir, formSecretFile), 'utf8')).toBe(secret);
  });

  it('without a recipient: a plain 0600 SQLite file holding everything, and a restore brings it all back', async () => {
    const { secret } = seedDataDir(dataDir);
    const out = path.join(dir, 'backups', 'plain.backup');
    const made = await makeBackup({ out, dataDir, env: {} });
    expect(made).toMatchObject({ file: out, encrypted: false, formSecret: true });
    expect(made.contents).toEqual({ requests: 25, staff: 1, passkeys: 1, audit: expect.any(Number), schemaVersion: latestVersion });
    expect(readFileSync(out).subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(out)).mode & 0o777).toBe(0o700);
    expect(readdirSync(path.dirname(out))).toEqual(['plain.backup']);
    // The copy carries the secret in its own table; the database it was copied from does not.
    const copy = new DatabaseSync(out, { readOnly: true });
    expect(copy.prepare(`SELECT value FROM ${backupMetaTable} WHERE key = ?`).get(formSecretFile)).toEqual({ value: secret });
    copy.close();
    expect(rowsOf(dataDir).metaTable).toBeUndefined();

    const restored = path.join(dir, 'restored');
    const done = await restoreBackup({ file: out, dataDir: restored });
    expect(done).toMatchObject({ encrypted: false, fromVersion: latestVersion, toVersion: latestVersion, formSecret: true });
    expect(readdirSync(restored).sort()).toEqual([formSecretFile, 'interest.sqlite']);
    expect(rowsOf(restored)).toEqual({ ...rowsOf(dataDir), metaTable: undefined });
    expect(readFileSync(path.join(restored, formSecretFile), 'utf8')).toBe(secret);
    expect(statSync(path.join(restored, formSecretFile)).mode & 0o777).toBe(0o600);
    expect(statSync(path.join(restored, 'interest.sqlite')).mode & 0o777).toBe(0o600);
    expect(statSync(restored).mode & 0o777).toBe(0o700);
  });

  it('with a recipient: an age file that holds no readable value, restored only with the key', async () => {
    seedDataDir(dataDir);
    const key = await newAgeIdentity();
    const other = await newAgeIdentity();
    const out = path.join(dir, 'sealed.backup');
    const made = await makeBackup({ out, dataDir, recipient: key.recipient, env: {} });
    expect(made.encrypted).toBe(true);
    const bytes = readFileSync(out);
    expect(bytes.subarray(0, ageHeader.length).toString()).toBe(ageHeader);
    expect(bytes.includes(Buffer.from(phoneOf(3)))).toBe(false);
    expect(bytes.includes(Buffer.from('Maryam'))).toBe(false);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    // The plain copy made on the way is gone from DATA_DIR.
    expect(readdirSync(dataDir).filter((f) => f.startsWith('.backup'))).toEqual([]);

    const restored = path.join(dir, 'restored');
    await expect(restoreBackup({ file: out, dataDir: restored })).rejects.toThrow(/encrypted with age: set AGE_IDENTITY/);
    const wrongKey = path.join(dir, 'wrong.key');
    writeFileSync(wrongKey, other.fileText);
    await expect(restoreBackup({ file: out, dataDir: restored, identityFile: wrongKey })).rejects.toThrow(RestoreError);
    expect(existsSync(path.join(restored, 'interest.sqlite'))).toBe(false);
    const notAKey = path.join(dir, 'not-a.key');
    writeFileSync(notAKey, 'hello\n');
    await expect(restoreBackup({ file: out, dataDir: restored, identityFile: notAKey })).rejects.toThrow(/not an age identity file/);

    const keyFile = path.join(dir, 'backup.key');
    writeFileSync(keyFile, key.fileText);
    const done = await restoreBackup({ file: out, dataDir: restored, identityFile: keyFile });
    expect(done).toMatchObject({ encrypted: true, formSecret: true });
    expect(rowsOf(restored)).toEqual({ ...rowsOf(dataDir), metaTable: undefined });
    expect(readdirSync(restored).filter((f) => f.startsWith('.restore'))).toEqual([]);
  });

  it('refuses a public key that is not one, before making anything', async () => {
    seedDataDir(dataDir, 1);
    const out = path.join(dir, 'x.backup');
    await expect(makeBackup({ out, dataDir, recipient: 'age1notakey', env: {} })).rejects.toThrow(/not an age public key/);
    const key = await newAgeIdentity();
    const typo = key.recipient.slice(0, -1) + (key.recipient.endsWith('q') ? 'p' : 'q');
    await expect(makeBackup({ out, dataDir, recipient: typo, env: {} })).rejects.toThrow(/not an age public key/);
    expect(existsSync(out)).toBe(false);
  });

  it('never writes over an existing file, and needs an existing database', async () => {
    seedDataDir(dataDir, 1);
    const out = path.join(dir, 'exists.backup');
    writeFileSync(out, 'yesterday');
    await expect(makeBackup({ out, dataDir, env: {} })).rejects.toThrow(/already exists/);
    expect(readFileSync(out, 'utf8')).toBe('yesterday');
    await expect(makeBackup({ out: path.join(dir, 'y.backup'), dataDir: path.join(dir, 'nothing'), env: {} })).rejects.toThrow(BackupError);
    expect(existsSync(path.join(dir, 'nothing'))).toBe(false);
  });

  it('copies a consistent snapshot while another connection writes all the time, holding every row committed before it began', async () => {
    seedDataDir(dataDir, 20_000);
    const writer = new DatabaseSync(path.join(dataDir, 'interest.sqlite'), { timeout: 5000 });
    const intake = requestIntake(writer);
    let written = 20_000;
    const timer = setInterval(() => intake.add({ ...validRequestInput, phone: phoneOf(written++) }), 1);
    try {
      await new Promise((r) => setTimeout(r, 50));
      const before = written;
      const started = Date.now();
      const made = await makeBackup({ out: path.join(dir, 'busy.backup'), dataDir, env: {} });
      // The writer really wrote while the copy was made.
      expect(written).toBeGreaterThan(before);
      // Copied in one step: a copy in steps restarts on every write of another connection and never ends.
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(made.contents.requests).toBeGreaterThanOrEqual(before);
      const copy = new DatabaseSync(made.file, { readOnly: true });
      const phones = new Set((copy.prepare('SELECT phone FROM interest').all() as { phone: string }[]).map((r) => r.phone));
      copy.close();
      for (let i = 0; i < before; i++) expect(phones.has(phoneOf(i)), phoneOf(i)).toBe(true);
    } finally {
      clearInterval(timer);
      writer.close();
    }
    expect(written).toBeGreaterThan(20_000);
  });

  it('refuses a data folder that holds a database or a form secret, and --force moves them aside', async () => {
    seedDataDir(dataDir, 3);
    const out = path.join(dir, 'b.backup');
    await makeBackup({ out, dataDir, env: {} });
    const target = path.join(dir, 'target');
    seedDataDir(target, 1);
    const before = readFileSync(path.join(target, 'interest.sqlite'));
    await expect(restoreBackup({ file: out, dataDir: target })).rejects.toThrow(
      /is not empty: it already holds interest\.sqlite, form-secret/,
    );
    expect(readFileSync(path.join(target, 'interest.sqlite')).equals(before)).toBe(true);

    const onlySecret = path.join(dir, 'only-secret');
    mkdirSync(onlySecret);
    writeFileSync(path.join(onlySecret, formSecretFile), 'x'.repeat(64));
    await expect(restoreBackup({ file: out, dataDir: onlySecret })).rejects.toThrow(RestoreError);

    // Folders of releases and uploads are not data: a fresh install restores next to them.
    const fresh = path.join(dir, 'fresh');
    mkdirSync(path.join(fresh, 'releases'), { recursive: true });
    await restoreBackup({ file: out, dataDir: fresh });
    expect(rowsOf(fresh).phones).toHaveLength(3);

    const done = await restoreBackup({ file: out, dataDir: target, force: true, now: new Date('2027-03-01T10:00:00Z') });
    expect(done.movedAside).toBe(path.join(target, 'replaced-2027-03-01T10-00-00-000Z'));
    expect(readFileSync(path.join(done.movedAside!, 'interest.sqlite')).equals(before)).toBe(true);
    expect(rowsOf(target).phones).toEqual(rowsOf(dataDir).phones);
  });

  it('refuses what is not a backup, a damaged one and one newer than this code', async () => {
    const target = path.join(dir, 'target');
    const junk = path.join(dir, 'junk.backup');
    writeFileSync(junk, 'not a database at all');
    await expect(restoreBackup({ file: junk, dataDir: target })).rejects.toThrow(/neither an age-encrypted backup nor an SQLite database/);
    await expect(restoreBackup({ file: path.join(dir, 'missing'), dataDir: target })).rejects.toThrow(/Cannot read/);

    seedDataDir(dataDir, 1);
    const newer = path.join(dir, 'newer.backup');
    await makeBackup({ out: newer, dataDir, env: {} });
    const db = new DatabaseSync(newer);
    db.exec(`PRAGMA user_version = ${latestVersion + 1}`);
    db.close();
    await expect(restoreBackup({ file: newer, dataDir: target })).rejects.toThrow(NewerSchemaError);
    expect(existsSync(path.join(target, 'interest.sqlite'))).toBe(false);

    // One digit of her number changed in the table's row only: the phone index no longer matches it.
    const damaged = path.join(dir, 'damaged.backup');
    await makeBackup({ out: damaged, dataDir, env: {} });
    const bytes = readFileSync(damaged);
    const at = bytes.indexOf(Buffer.from(phoneOf(0)));
    expect(at).toBeGreaterThan(0);
    bytes[at + 5] = '9'.charCodeAt(0);
    writeFileSync(damaged, bytes);
    await expect(restoreBackup({ file: damaged, dataDir: target })).rejects.toThrow(/failed SQLite's integrity check/);
    expect(existsSync(path.join(target, 'interest.sqlite'))).toBe(false);
  });
});

describe('pruneBackups()', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'backup-prune-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the newest N of the series named like the latest, and touches nothing else', () => {
    const names = [1, 2, 3, 4, 5].map((d) => `aaben-doer-2027010${d}T023000Z.backup`);
    names.forEach((name, i) => {
      writeFileSync(path.join(dir, name), 'x');
      utimesSync(path.join(dir, name), 1_800_000_000 + i * 86_400, 1_800_000_000 + i * 86_400);
    });
    for (const other of ['before-upgrade.backup', 'aaben-doer-20270101T023000Z.backup.partial', 'notes-2027.txt'])
      writeFileSync(path.join(dir, other), 'x');
    expect(pruneBackups(path.join(dir, names[4]!), 3).sort()).toEqual(names.slice(0, 2));
    expect(readdirSync(dir).sort()).toEqual(
      ['aaben-doer-20270101T023000Z.backup.partial', 'before-upgrade.backup', ...names.slice(2), 'notes-2027.txt'].sort(),
    );
    expect(pruneBackups(path.join(dir, 'before-upgrade.backup'), 1)).toEqual([]);
    expect(() => pruneBackups(path.join(dir, names[4]!), 0)).toThrow(RangeError);
  });

  it('matches the same name with other digits only', () => {
    const pattern = seriesPattern('aaben-doer-20270101T023000Z.backup');
    expect(pattern.test('aaben-doer-20991231T235959Z.backup')).toBe(true);
    expect(pattern.test('aaben-doer-20991231T235959Z.backupX')).toBe(false);
    expect(pattern.test('other-20991231T235959Z.backup')).toBe(false);
    expect(pattern.test('aaben-doer-2099x231T235959Z.backup')).toBe(false);
  });
});

describe('npm run backup / npm run restore', () => {
  let dir: string;
  const run = (script: 'backup' | 'restore', args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, ['--disable-warning=ExperimentalWarning', `scripts/${script}.ts`, ...args], {
      env: { ...process.env, BACKUP_AGE_RECIPIENT: '', BACKUP_KEEP: '', AGE_IDENTITY: '', FORM_SECRET: '', ...env },
      encoding: 'utf8',
    });
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'backup-cli-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('backs up encrypted with a key made by --new-key, keeps BACKUP_KEEP, restores with AGE_IDENTITY and refuses to do it twice', () => {
    const dataDir = path.join(dir, 'data');
    seedDataDir(dataDir, 4);
    const keyFile = path.join(dir, 'backup.key');
    const keygen = run('backup', ['--new-key', keyFile]);
    expect(keygen.status).toBe(0);
    const recipient = /^(age1[0-9a-z]+)$/m.exec(keygen.stdout)![1]!;
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(keyFile, 'utf8')).toContain(`# public key: ${recipient}`);

    const folder = path.join(dir, 'backups');
    const env = { DATA_DIR: dataDir, BACKUP_AGE_RECIPIENT: recipient, BACKUP_KEEP: '2' };
    for (const day of [1, 2, 3]) {
      const made = run('backup', ['--out', path.join(folder, `aaben-doer-2027010${day}T023000Z.backup`)], env);
      expect(made.stderr).toBe('');
      expect(made.status).toBe(0);
      expect(made.stdout).toMatch(/age-encrypted.*: 4 requests, 1 staff, 1 passkeys, \d+ audit rows, schema \d+, with the form secret\./);
      // Counts and file names only: nothing she or the staff typed.
      expect(made.stdout).not.toMatch(/Maryam|\+45/);
    }
    expect(readdirSync(folder).sort()).toEqual(['aaben-doer-20270102T023000Z.backup', 'aaben-doer-20270103T023000Z.backup']);

    const restored = path.join(dir, 'restored');
    const latest = path.join(folder, 'aaben-doer-20270103T023000Z.backup');
    const noKey = run('restore', [latest], { DATA_DIR: restored });
    expect(noKey.status).toBe(1);
    expect(noKey.stderr).toMatch(/AGE_IDENTITY/);
    const done = run('restore', [latest], { DATA_DIR: restored, AGE_IDENTITY: keyFile });
    expect(done.stderr).toBe('');
    expect(done.status).toBe(0);
    expect(done.stdout).toMatch(/decrypted, integrity ok.*4 requests, 1 staff, 1 passkeys/);
    expect(rowsOf(restored).phones).toEqual(rowsOf(dataDir).phones);

    const again = run('restore', [latest], { DATA_DIR: restored, AGE_IDENTITY: keyFile });
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/is not empty.*--force/);
  });

  it('says how to use it, and warns when a backup is not encrypted', () => {
    expect(run('backup', []).status).toBe(2);
    expect(run('restore', []).status).toBe(2);
    expect(run('backup', ['--out', path.join(dir, 'x'), '--keep', 'many'], { DATA_DIR: dir }).stderr).toMatch(/whole number/);
    const dataDir = path.join(dir, 'data');
    seedDataDir(dataDir, 1);
    const plain = run('backup', ['--out', path.join(dir, 'plain.backup')], { DATA_DIR: dataDir });
    expect(plain.status).toBe(0);
    expect(plain.stdout).toMatch(/NOT encrypted/);
    expect(plain.stderr).toMatch(/set BACKUP_AGE_RECIPIENT/);
  });
});
