/**
 * A cheap proof that the database can be read AND written, for /healthz and the backup and restore
 * commands: one row of server_state is written (committed, so a full disk or a read-only file
 * shows), read back, and one request row is read. Answers with an error code only, never a message.
 */
import type { DatabaseSync } from 'node:sqlite';
import { readState, writeState } from './serverState.ts';

export type Health = { ok: true } | { ok: false; code: string };

// SQLite's primary result codes, by number (the low byte of an extended code).
const sqliteCodes: Record<number, string> = {
  1: 'SQLITE_ERROR',
  5: 'SQLITE_BUSY',
  6: 'SQLITE_LOCKED',
  7: 'SQLITE_NOMEM',
  8: 'SQLITE_READONLY',
  10: 'SQLITE_IOERR',
  11: 'SQLITE_CORRUPT',
  13: 'SQLITE_FULL',
  14: 'SQLITE_CANTOPEN',
  26: 'SQLITE_NOTADB',
};

/** SQLite's name for what went wrong ("SQLITE_READONLY"), else the error's own code, else "unknown". */
export function errorCode(error: unknown): string {
  const e = error as { code?: string; errcode?: number };
  if (typeof e.errcode === 'number') return sqliteCodes[e.errcode & 0xff] ?? `SQLITE_${e.errcode & 0xff}`;
  return e.code ?? 'unknown';
}

/** Writes, reads back and reads: `{ ok: true }`, or `{ ok: false, code }` saying what failed. */
export function checkHealth(db: DatabaseSync, now = new Date()): Health {
  if (!db.isOpen) return { ok: false, code: 'closed' };
  try {
    const stamp = now.toISOString();
    writeState(db, 'health.checkedAt', stamp);
    if (readState(db, 'health.checkedAt') !== stamp) return { ok: false, code: 'readback' };
    db.prepare('SELECT id FROM interest LIMIT 1').get();
    return { ok: true };
  } catch (error) {
    return { ok: false, code: errorCode(error) };
  }
}
