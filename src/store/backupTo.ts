/**
 * An online, consistent copy of the database while the server runs (SQLite's backup API through
 * node:sqlite's backup(), in ONE step: a copy made in steps restarts whenever another connection
 * writes between two of them, so under a steady stream of posts it would never end; one step reads
 * a single snapshot, and in WAL mode the writers do not wait for it), proven sound by PRAGMA integrity_check on the copy before it is
 * called a backup. The copy holds her personal data exactly as the database does: it is created
 * 0600, never over an existing file, and is a single file (no -wal beside it).
 */
import { closeSync, openSync, rmSync } from 'node:fs';
import path from 'node:path';
import { backup, DatabaseSync } from 'node:sqlite';

/** A backup that could not be made or did not pass the integrity check; nothing is left at `file`. */
export class BackupError extends Error {
  /** Where the copy was to be. */
  readonly file: string;

  constructor(message: string, file: string) {
    super(message);
    this.name = 'BackupError';
    this.file = file;
  }
}

/** What SQLite's integrity check says of the file at `file`: "ok", or its findings (they name tables and pages, no values). */
function integrityOf(file: string): string {
  const copy = new DatabaseSync(file);
  try {
    // One self-contained file: the copy keeps the source's WAL mode otherwise.
    copy.exec('PRAGMA journal_mode = DELETE');
    const rows = copy.prepare('PRAGMA integrity_check').all();
    return rows.map((r) => String(Object.values(r)[0])).join('\n');
  } finally {
    copy.close();
  }
}

/**
 * Copies the open database `db` to `file` (which must not exist yet; its directory must) and checks
 * the copy. Resolves with the copy's path and size in pages; rejects with a BackupError, removing
 * the copy, when either step fails.
 */
export async function backupTo(db: DatabaseSync, file: string): Promise<{ file: string; pages: number }> {
  const target = path.resolve(file);
  try {
    // 0600 from its first byte; 'wx' refuses to overwrite an older backup (or anything else).
    closeSync(openSync(target, 'wx', 0o600));
  } catch (error) {
    throw new BackupError(`The backup was not made: ${target} ${describe(error)}.`, target);
  }
  const removeCopy = () => {
    for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
  };
  let pages: number;
  let integrity: string;
  try {
    pages = await backup(db, target, { rate: -1 });
    integrity = integrityOf(target);
  } catch (error) {
    removeCopy();
    throw new BackupError(`The backup to ${target} failed (${describe(error)}); the copy was removed.`, target);
  }
  if (integrity !== 'ok') {
    removeCopy();
    const findings = integrity.split('\n').slice(0, 5).join('; ');
    throw new BackupError(`The backup copy failed SQLite's integrity check (${findings}); it was removed.`, target);
  }
  return { file: target, pages };
}

function describe(error: unknown): string {
  const e = error as { code?: string; errstr?: string; message?: string };
  if (e.code === 'EEXIST') return 'already exists';
  if (e.code === 'ENOENT') return 'is in a directory that does not exist';
  return e.errstr ?? e.code ?? e.message ?? 'unknown error';
}
