/**
 * Opens the ONE database file (data/interest.sqlite) for the inbox, with the same care as the
 * interest store: 0600 file in a 0700 directory, WAL + synchronous=FULL, secure_delete, and
 * the versioned migrations run before anything reads it.
 */
import { DatabaseSync } from 'node:sqlite';
import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import { migrate } from './migrations.ts';

/** File name of the database inside the data directory (the interest store's own). */
export const dbFileName = 'interest.sqlite';

export interface OpenDbOptions {
  /** Directory of the database (already resolved: env DATA_DIR or ./data). */
  dataDir: string;
  /** How long a write waits for a lock before it fails (and the page answers 503). @default 5000 */
  busyTimeoutMs?: number;
}

export function openInboxDb({ dataDir, busyTimeoutMs = 5000 }: OpenDbOptions): DatabaseSync {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, dbFileName);
  closeSync(openSync(file, 'a', 0o600));
  chmodSync(file, 0o600);
  const db = new DatabaseSync(file, { timeout: busyTimeoutMs });
  db.exec(`PRAGMA busy_timeout = ${Number(busyTimeoutMs)}`);
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = FULL');
  db.exec('PRAGMA secure_delete = ON');
  migrate(db);
  return db;
}

/** Runs `fn` in one transaction: all of it is written, or none of it. */
export function inTransaction<T>(db: DatabaseSync, fn: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = fn();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    try {
      db.exec('ROLLBACK');
    } catch {
      // SQLite already rolled back (a full disk does that); nothing was written.
    }
    throw error;
  }
}

/** True for SQLite's "locked", "busy" and "full" failures: the page answers 503, and nothing was half written. */
export function isUnavailable(error: unknown): boolean {
  const e = error as { code?: string; errcode?: number; message?: string };
  const primary = typeof e.errcode === 'number' ? e.errcode & 0xff : -1;
  // 5 SQLITE_BUSY, 6 SQLITE_LOCKED, 13 SQLITE_FULL, 10 SQLITE_IOERR
  return [5, 6, 10, 13].includes(primary) || /database is locked|database or disk is full|busy/i.test(e.message ?? '');
}
