/**
 * Restores a backup made by ./makeBackup.ts (plain, or age-encrypted) into a data directory:
 * decrypts it into DATA_DIR itself (never to /tmp: the plain database holds her personal data),
 * checks its integrity, takes the form secret out of it, moves it into place, and opens it with
 * openStore(), which migrates it to this code's schema. A data directory that already holds a
 * database or a form secret is refused unless `force`; then those files are moved aside into
 * `replaced-<time>/`, never deleted. A backup newer than this code is refused (NewerSchemaError).
 */
import { existsSync } from 'node:fs';
import { chmod, copyFile, constants, link, mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { decryptFile, isAgeEncrypted, readAgeIdentities } from './ageEncryption.ts';
import { formSecretFile } from '#src/forms/formToken.ts';
import { backupContents, backupMetaTable, type BackupContents } from './makeBackup.ts';
import { latestVersion, NewerSchemaError } from './migrations.ts';
import { databaseFile, openStore } from './openStore.ts';

/** A restore that was refused or failed; the data directory is as it was. */
export class RestoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreError';
  }
}

export interface RestoreSummary {
  dataDir: string;
  /** True when the backup was age-encrypted. */
  encrypted: boolean;
  /** The backup's schema version, and the one it was migrated to. */
  fromVersion: number;
  toVersion: number;
  /** True when the form secret came back with it. */
  formSecret: boolean;
  /** Where the files it replaced were moved (`force` only). */
  movedAside?: string;
  contents: BackupContents;
}

/** The files of a data directory a restore writes: the database (with its companions) and the form secret. */
const restoredFiles = [databaseFile, `${databaseFile}-wal`, `${databaseFile}-shm`, `${databaseFile}-journal`, formSecretFile];

const sqliteHeader = 'SQLite format 3\0';

async function firstBytes(file: string): Promise<Buffer> {
  const handle = await open(file, 'r').catch((error: { code?: string }) => {
    throw new RestoreError(`Cannot read ${file} (${error.code ?? 'error'}).`);
  });
  try {
    const buffer = Buffer.alloc(32);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Checks the copy, and takes out what makeBackup put beside the database: the form secret. */
function openCopy(file: string): { fromVersion: number; formSecret: string | undefined } {
  const db = new DatabaseSync(file);
  try {
    const integrity = (db.prepare('PRAGMA integrity_check').all() as Record<string, unknown>[])
      .map((r) => String(Object.values(r)[0]))
      .join('; ');
    if (integrity !== 'ok')
      throw new RestoreError(`The backup failed SQLite's integrity check (${integrity.slice(0, 300)}); nothing was restored.`);
    const fromVersion = Number((db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version);
    if (fromVersion > latestVersion) throw new NewerSchemaError(fromVersion, latestVersion);
    const hasMeta = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(backupMetaTable);
    let formSecret: string | undefined;
    if (hasMeta) {
      formSecret = (db.prepare(`SELECT value FROM ${backupMetaTable} WHERE key = ?`).get(formSecretFile) as { value: string } | undefined)
        ?.value;
      // Overwritten on disk, not just unlinked: the secret then lives only in its own 0600 file.
      db.exec('PRAGMA secure_delete = ON');
      db.exec(`DROP TABLE ${backupMetaTable}`);
    }
    return { fromVersion, formSecret };
  } finally {
    db.close();
  }
}

/**
 * Restores `file` into `dataDir`. `identityFile` is an age identity file (env AGE_IDENTITY), needed
 * for an encrypted backup. Rejects with a RestoreError (or NewerSchemaError) and changes nothing
 * in `dataDir` when it refuses.
 */
export async function restoreBackup({
  file,
  dataDir,
  identityFile,
  force = false,
  now = new Date(),
}: {
  file: string;
  dataDir: string;
  identityFile?: string | undefined;
  force?: boolean;
  now?: Date;
}): Promise<RestoreSummary> {
  const dir = path.resolve(dataDir);
  const present = restoredFiles.filter((name) => existsSync(path.join(dir, name)));
  if (present.length > 0 && !force) {
    throw new RestoreError(
      `${dir} is not empty: it already holds ${present.join(', ')}. A restore never overwrites data. ` +
        `Restore into an empty data folder, or stop the server and add --force to move those files aside into ${dir}/replaced-<time>/.`,
    );
  }
  const head = await firstBytes(file);
  const encrypted = isAgeEncrypted(head);
  if (!encrypted && head.subarray(0, sqliteHeader.length).toString('latin1') !== sqliteHeader) {
    throw new RestoreError(`${file} is neither an age-encrypted backup nor an SQLite database.`);
  }
  if (encrypted && !identityFile) {
    throw new RestoreError(
      `${file} is encrypted with age: set AGE_IDENTITY to the file with the key (made by age-keygen, kept off the server).`,
    );
  }

  await mkdir(dir, { recursive: true, mode: 0o700 });
  const copy = path.join(dir, `.restore-${process.pid}-${now.getTime()}.sqlite`);
  try {
    if (encrypted) {
      const identities = await readAgeIdentities(identityFile!).catch((error: Error & { code?: string }) => {
        throw new RestoreError(error.code ? `Cannot read AGE_IDENTITY ${identityFile} (${error.code}).` : error.message);
      });
      await decryptFile(file, copy, identities).catch((error: Error) => {
        throw new RestoreError(`${file} could not be decrypted with the key in ${identityFile} (${error.message}).`);
      });
    } else {
      await copyFile(file, copy, constants.COPYFILE_EXCL);
      await chmod(copy, 0o600);
    }
    const { fromVersion, formSecret } = openCopy(copy);

    let movedAside: string | undefined;
    if (present.length > 0) {
      movedAside = path.join(dir, `replaced-${now.toISOString().replace(/[:.]/g, '-')}`);
      await mkdir(movedAside, { mode: 0o700 });
      for (const name of present) await rename(path.join(dir, name), path.join(movedAside, name));
    }
    await link(copy, path.join(dir, databaseFile));

    // Opening it migrates it to this code's schema (src/store/migrations.ts).
    const store = openStore({ dataDir: dir });
    let contents: BackupContents;
    try {
      const integrity = store.integrityCheck();
      if (integrity !== 'ok')
        throw new RestoreError(`The restored database failed SQLite's integrity check after migrating (${integrity.slice(0, 300)}).`);
      contents = backupContents(store.db);
      store.checkpoint();
    } finally {
      store.close();
    }
    if (formSecret) await writeFile(path.join(dir, formSecretFile), formSecret, { mode: 0o600, flag: 'wx' });
    return { dataDir: dir, encrypted, fromVersion, toVersion: contents.schemaVersion, formSecret: !!formSecret, movedAside, contents };
  } finally {
    await rm(copy, { force: true });
  }
}
