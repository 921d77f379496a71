/** The health check (src/store/checkHealth.ts): ok only when the database can be read and written. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { checkHealth } from '#src/store/checkHealth.ts';
import { openStore, type Store } from '#src/store/openStore.ts';
import { readState } from '#src/store/serverState.ts';

describe('checkHealth()', () => {
  let dir: string;
  let store: Store;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'store-health-'));
    store = openStore({ dataDir: dir, busyTimeoutMs: 50 });
  });
  afterEach(() => {
    if (store.db.isOpen) store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is ok on an open, migrated database, and has written to prove it', () => {
    const now = new Date('2027-02-01T08:00:00Z');
    expect(checkHealth(store.db, now)).toEqual({ ok: true });
    expect(readState(store.db, 'health.checkedAt')).toBe(now.toISOString());
  });

  it('is not ok on a read-only connection: reading alone is not enough', () => {
    const readOnly = new DatabaseSync(store.file, { readOnly: true });
    try {
      expect(readOnly.prepare('SELECT count(*) AS n FROM interest').get()).toEqual({ n: 0 });
      expect(checkHealth(readOnly)).toEqual({ ok: false, code: 'SQLITE_READONLY' });
    } finally {
      readOnly.close();
    }
  });

  it('is not ok while another connection holds the write lock', () => {
    const other = new DatabaseSync(store.file);
    other.exec('BEGIN IMMEDIATE');
    try {
      expect(checkHealth(store.db)).toEqual({ ok: false, code: 'SQLITE_BUSY' });
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(checkHealth(store.db)).toEqual({ ok: true });
  });

  it('is not ok on a database without the tables, nor on a closed one', () => {
    const empty = new DatabaseSync(':memory:');
    expect(checkHealth(empty)).toEqual({ ok: false, code: 'SQLITE_ERROR' });
    empty.close();
    store.close();
    expect(checkHealth(store.db)).toEqual({ ok: false, code: 'closed' });
  });
});
