/**
 * Upgrades (src/store/backupBeforeUpgrade.ts, src/server/upgradeOnStart.ts): a database an older
 * release wrote is backed up before this release migrates it; one a newer release wrote is refused
 * without a byte of it changing.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { upgradeOnStart, refusedDatabaseExitCode } from '#src/server/upgradeOnStart.ts';
import { ageHeader, newAgeIdentity } from '#src/store/ageEncryption.ts';
import { backupBeforeUpgrade, preUpgradeDir } from '#src/store/backupBeforeUpgrade.ts';
import { latestVersion, migrate, migrations, NewerSchemaError } from '#src/store/migrations.ts';
import { openStore } from '#src/store/openStore.ts';
import { restoreBackup } from '#src/store/restoreBackup.ts';

/** A data directory as release 1 left it: the interest table only, one registration. */
function olderDataDir(dataDir: string, version = 1) {
  mkdirSync(dataDir, { recursive: true });
  const db = new DatabaseSync(path.join(dataDir, 'interest.sqlite'));
  db.exec('PRAGMA journal_mode = WAL');
  migrate(db, migrations.slice(0, version));
  db.prepare(
    `INSERT INTO interest (created_at, first_name, phone, language, contact_method, best_time, activities, interpreter,
       consent_version, consent_language)
     VALUES ('2026-01-01T10:00:00.000Z', 'Amal', '+4512345678', 'ar', 'call', 'any', '[]', 0, 'v1', 'ar')`,
  ).run();
  db.close();
  writeFileSync(path.join(dataDir, 'form-secret'), 'f'.repeat(64), { mode: 0o600 });
}

const versionOf = (file: string) => {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    return (db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version;
  } finally {
    db.close();
  }
};

describe('backupBeforeUpgrade()', () => {
  let dir: string;
  let dataDir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'upgrade-'));
    dataDir = path.join(dir, 'data');
  });
  afterEach(() => {
    vi.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });

  it('backs up a database at an older version as it is, and then the store migrates it', async () => {
    expect(latestVersion).toBeGreaterThan(1);
    olderDataDir(dataDir);
    const now = new Date('2027-05-04T03:02:01.500Z');
    const backup = await backupBeforeUpgrade({ dataDir, now });
    const name = `pre-upgrade-1-${latestVersion}-20270504T030201Z.sqlite`;
    expect(backup).toMatchObject({ fromVersion: 1, toVersion: latestVersion, encrypted: false, formSecret: true });
    expect(backup!.file).toBe(path.join(dataDir, preUpgradeDir, name));
    expect(readdirSync(path.join(dataDir, preUpgradeDir))).toEqual([name]);
    expect(statSync(backup!.file).mode & 0o777).toBe(0o600);
    expect(statSync(path.join(dataDir, preUpgradeDir)).mode & 0o777).toBe(0o700);
    expect(versionOf(backup!.file)).toBe(1);
    expect(backup!.contents.requests).toBe(1);

    const store = openStore({ dataDir });
    expect(store.pragma('user_version')).toBe(latestVersion);
    store.close();
    // Nothing more to migrate: no second backup.
    expect(await backupBeforeUpgrade({ dataDir })).toBeNull();
    expect(readdirSync(path.join(dataDir, preUpgradeDir))).toHaveLength(1);

    // The way back: the pre-upgrade file restores to a working database (migrated again on open).
    const back = await restoreBackup({ file: backup!.file, dataDir: path.join(dir, 'back') });
    expect(back).toMatchObject({ fromVersion: 1, toVersion: latestVersion, formSecret: true });
  });

  it('encrypts it with age when a recipient is set', async () => {
    olderDataDir(dataDir, 2);
    const key = await newAgeIdentity();
    const backup = await backupBeforeUpgrade({ dataDir, recipient: key.recipient });
    expect(backup!.file).toMatch(new RegExp(`pre-upgrade-2-${latestVersion}-\\d{8}T\\d{6}Z\\.sqlite\\.age$`));
    expect(readFileSync(backup!.file).subarray(0, ageHeader.length).toString()).toBe(ageHeader);
  });

  it('needs no backup for a new data folder, or one at the latest version', async () => {
    expect(await backupBeforeUpgrade({ dataDir })).toBeNull();
    openStore({ dataDir }).close();
    expect(await backupBeforeUpgrade({ dataDir })).toBeNull();
    expect(existsSync(path.join(dataDir, preUpgradeDir))).toBe(false);
  });

  it('refuses a database newer than the code and leaves the file exactly as it was', async () => {
    olderDataDir(dataDir, latestVersion);
    const file = path.join(dataDir, 'interest.sqlite');
    const db = new DatabaseSync(file);
    db.exec(`PRAGMA user_version = ${latestVersion + 1}`);
    db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    db.close();
    const hash = () => createHash('sha256').update(readFileSync(file)).digest('hex');
    const before = hash();
    await expect(backupBeforeUpgrade({ dataDir })).rejects.toThrow(NewerSchemaError);
    await expect(backupBeforeUpgrade({ dataDir })).rejects.toThrow(/a newer release wrote it.*the file was not changed/);
    expect(hash()).toBe(before);
    expect(existsSync(path.join(dataDir, preUpgradeDir))).toBe(false);

    // The server's start says so and ends with its own exit code.
    const exit = vi.spyOn(process, 'exit').mockImplementation(((code: number) => {
      throw new Error(`exit ${code}`);
    }) as never);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    await expect(upgradeOnStart(dataDir, {})).rejects.toThrow(`exit ${refusedDatabaseExitCode}`);
    expect(exit).toHaveBeenCalledWith(refusedDatabaseExitCode);
    expect(errors.mock.calls[0]![0]).toMatch(`database: refused. The database has schema version ${latestVersion + 1}`);
    expect(hash()).toBe(before);
  });

  it('at the server start: logs the backup file and versions, never a value', async () => {
    olderDataDir(dataDir);
    const logs = vi.spyOn(console, 'log').mockImplementation(() => {});
    await upgradeOnStart(dataDir, {});
    expect(logs).toHaveBeenCalledTimes(1);
    const line = String(logs.mock.calls[0]![0]);
    expect(line).toMatch(
      new RegExp(`^database: schema 1 → ${latestVersion}; backed up first to .*pre-upgrade-1-${latestVersion}-.*\\.sqlite; migrating$`),
    );
    expect(line).not.toMatch(/Amal|\+45/);
  });
});
