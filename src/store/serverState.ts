/** Small facts the server keeps between restarts (table server_state): never anything about her. */
import type { DatabaseSync } from 'node:sqlite';

/** The value kept under `key`, or undefined. */
export function readState(db: DatabaseSync, key: string): string | undefined {
  return (db.prepare('SELECT value FROM server_state WHERE key = ?').get(key) as { value: string } | undefined)?.value;
}

/** Keeps `value` under `key`, replacing what was there. */
export function writeState(db: DatabaseSync, key: string, value: string): void {
  db.prepare('INSERT INTO server_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}
