/**
 * The server's WAL checkpoints on a worker thread (src/store/walCheckpoints.ts): the main
 * connection no longer checkpoints inside a commit, the worker moves the WAL into the database
 * file, and once the worker stops the main connection checkpoints by itself again.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openInterestStore, type InterestStore } from '#src/store/interest.ts';
import { truncateWal } from '#src/store/openStore.ts';
import { requestIntake } from '#src/store/requestIntake.ts';
import { checkpointOffThread } from '#src/store/walCheckpoints.ts';
import { validRequestInput } from '../../helpers/requestInput.ts';

const form = validRequestInput;

describe('WAL checkpoints on a worker thread', () => {
  let dir: string;
  let store: InterestStore;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'aaben-doer-checkpoints-'));
    store = openInterestStore({ dataDir: dir });
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const autocheckpoint = () => Number(store.pragma('wal_autocheckpoint'));
  it('takes the checkpoints off the main connection, and the worker does them', async () => {
    const checkpoints = checkpointOffThread(store.db, store.file, { intervalMs: 20 });
    // Commits without their own fsync, as the forms' group commit makes them (and quicker to test).
    store.db.exec('PRAGMA synchronous = NORMAL');
    try {
      expect(autocheckpoint()).toBe(0);
      const sizeBefore = statSync(store.file).size;
      const intake = requestIntake(store.db);
      // Far more than the 1000 pages after which SQLite would checkpoint inside a commit.
      for (let i = 0; i < 1500; i++) intake.add({ ...form, phone: `+45${20_000_000 + i}` });
      // The worker thread starts and checkpoints on its own clock: on a busy machine that takes more than a moment.
      await vi.waitFor(() => expect(statSync(store.file).size).toBeGreaterThan(sizeBefore + 100 * 1024), { timeout: 10_000, interval: 50 });
      expect(store.count()).toBe(1500);
      expect(store.integrityCheck()).toBe('ok');
    } finally {
      await checkpoints.stop();
    }
    expect(autocheckpoint()).toBe(1000);
  });

  it('leaves the WAL to the main connection when stopped, and erasure still truncates it', async () => {
    const checkpoints = checkpointOffThread(store.db, store.file, { intervalMs: 5 });
    const intake = requestIntake(store.db);
    for (let i = 0; i < 200; i++) intake.add({ ...form, phone: `+45${30_000_000 + i}` });
    // Erasure while the worker checkpoints all the time: the WAL is still emptied.
    expect(truncateWal(store.db)).toBe(true);
    expect(statSync(`${store.file}-wal`).size).toBe(0);
    await checkpoints.stop();
    expect(autocheckpoint()).toBe(1000);
  });
});
