/**
 * Upgrades keep a way back: before a release migrates the database to a newer schema, the server
 * backs up the file as it is (./makeBackup.ts; age-encrypted when BACKUP_AGE_RECIPIENT is set) into
 * `<DATA_DIR>/backups/pre-upgrade-<from>-<to>-<time>.sqlite[.age]`. A database NEWER than this code
 * is refused (NewerSchemaError) before anything touches it: the older code would not know its tables.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { makeBackup, openExistingDatabase, type BackupSummary } from './makeBackup.ts';
import { latestVersion, NewerSchemaError } from './migrations.ts';
import { databaseFile } from './openStore.ts';

/** The folder of the pre-upgrade backups inside the data directory. */
export const preUpgradeDir = 'backups';

/** The schema version of the file, and whether it holds any table at all (a new, empty file needs no backup). */
function schemaOf(db: DatabaseSync): { version: number; hasTables: boolean } {
  const version = Number((db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version);
  const hasTables = !!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' LIMIT 1").get();
  return { version, hasTables };
}

/**
 * Backs up the database of `dataDir` when this code would migrate it; resolves with the backup, or
 * null when there is nothing to migrate (no file yet, an empty one, or already the latest schema).
 * Throws NewerSchemaError, changing nothing, for a file newer than this code.
 */
export async function backupBeforeUpgrade({
  dataDir,
  recipient,
  now = new Date(),
  knownVersion = latestVersion,
}: {
  dataDir: string;
  recipient?: string | undefined;
  now?: Date;
  /** The newest schema this code knows (tests pass another). */
  knownVersion?: number;
}): Promise<(BackupSummary & { fromVersion: number; toVersion: number }) | null> {
  if (!existsSync(path.join(dataDir, databaseFile))) return null;
  const db = openExistingDatabase(dataDir);
  let schema: ReturnType<typeof schemaOf>;
  try {
    schema = schemaOf(db);
  } finally {
    db.close();
  }
  if (schema.version > knownVersion) throw new NewerSchemaError(schema.version, knownVersion);
  if (schema.version === knownVersion || !schema.hasTables) return null;
  const stamp = now
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/[-:]/g, '');
  const name = `pre-upgrade-${schema.version}-${knownVersion}-${stamp}.sqlite${recipient ? '.age' : ''}`;
  const backup = await makeBackup({ out: path.join(dataDir, preUpgradeDir, name), dataDir, recipient, now });
  return { ...backup, fromVersion: schema.version, toVersion: knownVersion };
}
