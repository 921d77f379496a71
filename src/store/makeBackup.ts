/**
 * A backup file: everything needed to bring the service back on another machine, in ONE file.
 * - The database, copied online while the server takes posts (./backupTo.ts: one consistent
 *   snapshot, integrity-checked), so every request acknowledged before the backup began is in it:
 *   the requests, the staff, their passkeys, sessions, the audit log, the counts.
 * - The form secret (`<DATA_DIR>/form-secret`, or env FORM_SECRET), which is not in the database:
 *   it goes into a small table `backup_meta` of the COPY only; ./restoreBackup.ts writes it back
 *   and drops the table.
 * - With a recipient (env BACKUP_AGE_RECIPIENT, an age public key) the file is that database
 *   encrypted with age (./ageEncryption.ts); the plain copy exists only inside DATA_DIR, which
 *   holds the same data anyway, and is removed at once. Without one it is the plain database.
 * Files are 0600 and appear under their name only when complete; nothing here logs a value.
 */
import { existsSync, readFileSync } from 'node:fs';
import { link, mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { encryptFile } from './ageEncryption.ts';
import { BackupError, backupTo } from './backupTo.ts';
import { envFormSecret, formSecretFile } from '#src/forms/formToken.ts';
import { databaseFile, resolveDataDir } from './openStore.ts';

/** The table, in a backup copy only, that carries what is not in the database (the form secret). */
export const backupMetaTable = 'backup_meta';

/** How much a backup holds: numbers only, for the operator's log. */
export interface BackupContents {
  /** Requests (form and referrals). */
  requests: number;
  /** Staff with access (not removed). */
  staff: number;
  passkeys: number;
  /** Rows of the audit log. */
  audit: number;
  /** PRAGMA user_version of the copy. */
  schemaVersion: number;
}

export interface BackupSummary {
  /** Absolute path of the backup file. */
  file: string;
  /** True when the file is age-encrypted. */
  encrypted: boolean;
  /** Its size in bytes. */
  bytes: number;
  /** True when the form secret is in it. */
  formSecret: boolean;
  contents: BackupContents;
}

/** Counts what a database holds (tables a file of any schema version has; a missing one counts 0). */
export function backupContents(db: DatabaseSync): BackupContents {
  const tables = new Set(
    (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name),
  );
  const count = (table: string, where = '') =>
    tables.has(table) ? Number((db.prepare(`SELECT count(*) AS n FROM ${table} ${where}`).get() as { n: number }).n) : 0;
  return {
    requests: count('interest'),
    staff: count('staff', 'WHERE revoked_at IS NULL'),
    passkeys: count('passkeys'),
    audit: count('audit'),
    schemaVersion: Number((db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version),
  };
}

/** The form's signing secret: env FORM_SECRET (16+ characters, as the server takes it), else the file; undefined when neither exists. */
function readFormSecret(dataDir: string, env: Record<string, string | undefined> = process.env): string | undefined {
  const fromEnv = envFormSecret(env);
  if (fromEnv) return fromEnv;
  const file = path.join(dataDir, formSecretFile);
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
}

/**
 * Opens the database of `dataDir` as it is: never creates it, never migrates it (a backup of a
 * file the running server uses must not change its schema under it).
 */
export function openExistingDatabase(dataDir: string, busyTimeoutMs = 5000): DatabaseSync {
  const file = path.join(dataDir, databaseFile);
  if (!existsSync(file)) throw new BackupError(`There is no database at ${file} (is DATA_DIR right?).`, file);
  return new DatabaseSync(file, { timeout: busyTimeoutMs });
}

/** Writes the form secret into the copy's backup_meta table, and counts what the copy holds. */
function finishCopy(copyFile: string, formSecret: string | undefined, now: Date): BackupContents {
  const copy = new DatabaseSync(copyFile);
  try {
    copy.exec(`CREATE TABLE ${backupMetaTable} (key TEXT PRIMARY KEY, value TEXT NOT NULL)`);
    const put = copy.prepare(`INSERT INTO ${backupMetaTable} (key, value) VALUES (?, ?)`);
    put.run('made-at', now.toISOString());
    if (formSecret) put.run(formSecretFile, formSecret);
    return backupContents(copy);
  } finally {
    copy.close();
  }
}

/**
 * Backs up the database of `dataDir` (default env DATA_DIR) into `out`, which must not exist (its
 * folder is made 0700 if missing). Encrypted to `recipient` when one is given.
 */
export async function makeBackup({
  out,
  dataDir = resolveDataDir(),
  recipient,
  env = process.env,
  now = new Date(),
}: {
  out: string;
  dataDir?: string;
  recipient?: string | undefined;
  env?: Record<string, string | undefined>;
  now?: Date;
}): Promise<BackupSummary> {
  const target = path.resolve(out);
  if (existsSync(target)) throw new BackupError(`The backup was not made: ${target} already exists.`, target);
  await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
  const db = openExistingDatabase(dataDir);
  // The plain copy: inside DATA_DIR when it is to be encrypted, else beside the target under a temporary name.
  const copy = recipient ? path.join(dataDir, `.backup-${process.pid}-${now.getTime()}.sqlite`) : `${target}.partial`;
  try {
    await backupTo(db, copy);
    db.close();
    const formSecret = readFormSecret(dataDir, env);
    const contents = finishCopy(copy, formSecret, now);
    if (recipient) {
      await encryptFile(copy, target, recipient);
    } else {
      // A link, not a rename: it refuses to replace a file that appeared at `target` meanwhile.
      await link(copy, target);
    }
    return { file: target, encrypted: !!recipient, bytes: (await stat(target)).size, formSecret: !!formSecret, contents };
  } catch (error) {
    if (error instanceof BackupError) throw error;
    const code = (error as { code?: string }).code;
    throw new BackupError(`The backup to ${target} failed (${code ?? (error as Error).message}); nothing was left there.`, target);
  } finally {
    if (db.isOpen) db.close();
    await rm(copy, { force: true });
  }
}
