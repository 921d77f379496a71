/**
 * Transactions and failure classes for changes to the one database file (./openStore.ts): a change
 * is written whole or not at all, and a locked or full database is told apart from a bug.
 */
import type { DatabaseSync } from 'node:sqlite';

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
