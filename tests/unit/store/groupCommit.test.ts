import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import fs, { existsSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { groupCommit, walSyncer } from '#src/store/groupCommit.ts';
import { openInterestStore, type InterestStore } from '#src/store/interest.ts';
import { requestIntake } from '#src/store/requestIntake.ts';
import { validRequestInput } from '../../helpers/requestInput.ts';

const form = validRequestInput;

/** An fsync the test finishes by hand, counting how often it was started. */
function manualSync() {
  const pending: (() => void)[] = [];
  const failing: ((error: Error) => void)[] = [];
  return {
    started: 0,
    sync(this: { started: number }) {
      this.started += 1;
      return new Promise<void>((resolve, reject) => {
        pending.push(resolve);
        failing.push(reject);
      });
    },
    finishOne() {
      failing.shift();
      pending.shift()!();
    },
    failOne() {
      pending.shift();
      failing.shift()!(new Error('EIO'));
    },
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('group commit of the forms’ writes', () => {
  let dir: string;
  let store: InterestStore;
  const rowsSeenFromOutside = () => {
    const other = new DatabaseSync(store.file, { readOnly: true });
    try {
      return Number((other.prepare('SELECT count(*) AS n FROM interest').get() as { n: number }).n);
    } finally {
      other.close();
    }
  };

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'aaben-doer-group-commit-'));
    store = openInterestStore({ dataDir: dir });
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers only after the fsync that follows the commit has finished', async () => {
    const fsync = manualSync();
    const commits = groupCommit(store.db, () => fsync.sync());
    let answered = false;
    const done = commits.commit(() => store.add({ ...form, heardVia: '' })).then(() => (answered = true));
    // Committed at once (another connection sees it), but not answered before the fsync.
    expect(rowsSeenFromOutside()).toBe(1);
    await tick();
    expect(fsync.started).toBe(1);
    expect(answered).toBe(false);
    fsync.finishOne();
    await done;
    expect(answered).toBe(true);
  });

  it('lets the posts that arrive during an fsync share the next one, not the running one', async () => {
    const fsync = manualSync();
    const commits = groupCommit(store.db, () => fsync.sync());
    const answered: number[] = [];
    const first = commits.commit(() => 1).then((n) => answered.push(n));
    await tick();
    const later = [2, 3, 4, 5].map((n) => commits.commit(() => n).then((m) => answered.push(m)));
    await tick();
    expect(fsync.started).toBe(1);
    fsync.finishOne();
    await first;
    await tick();
    // The running fsync may have begun before posts 2–5 were written: they wait for a second one, together.
    expect(answered).toEqual([1]);
    expect(fsync.started).toBe(2);
    fsync.finishOne();
    await Promise.all(later);
    expect(answered).toEqual([1, 2, 3, 4, 5]);
    expect(fsync.started).toBe(2);
  });

  it('commits the posts that arrive during an fsync together when it ends; one that throws is rolled back alone', async () => {
    const fsync = manualSync();
    const commits = groupCommit(store.db, () => fsync.sync());
    const first = commits.commit(() => store.add({ ...form, heardVia: '', phone: '+4520000001' }));
    const later = [
      commits.commit(() => store.add({ ...form, heardVia: '', phone: '+4520000002' })),
      commits.commit(() => {
        store.add({ ...form, heardVia: '', phone: '+4520000003' });
        throw new Error('invalid');
      }),
      commits.commit(() => store.add({ ...form, heardVia: '', phone: '+4520000004' })),
    ];
    const refused = expect(later[1]).rejects.toThrow('invalid');
    // Written only when the running fsync ends: until then nobody sees them, and nobody was answered.
    expect(rowsSeenFromOutside()).toBe(1);
    fsync.finishOne();
    await first;
    await tick();
    expect(rowsSeenFromOutside()).toBe(3);
    await refused;
    expect(fsync.started).toBe(2);
    fsync.finishOne();
    await Promise.all([later[0], later[2]]);
    expect(store.all().map((r) => r.phone)).toEqual(['+4520000001', '+4520000002', '+4520000004']);
    expect(store.pragma('synchronous')).toBe(2);
  });

  it('refuses the post of a batch whose transaction cannot start (the database locked), and the next batch works', async () => {
    const fsync = manualSync();
    const locked = openInterestStore({ dataDir: dir, busyTimeoutMs: 20 });
    const commits = groupCommit(locked.db, () => fsync.sync());
    const other = new DatabaseSync(store.file);
    other.exec('BEGIN IMMEDIATE');
    try {
      await expect(commits.commit(() => locked.add({ ...form, heardVia: '' }))).rejects.toThrow(/locked|busy/i);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(fsync.started).toBe(0);
    expect(locked.pragma('synchronous')).toBe(2);
    const next = commits.commit(() => locked.add({ ...form, heardVia: '' }));
    await tick();
    fsync.finishOne();
    await expect(next).resolves.toBeGreaterThan(0);
    locked.close();
  });

  it('fails the posts whose fsync failed, and the next post gets an fsync of its own', async () => {
    const fsync = manualSync();
    const commits = groupCommit(store.db, () => fsync.sync());
    const failed = commits.commit(() => 1);
    await tick();
    fsync.failOne();
    await expect(failed).rejects.toThrow('EIO');
    const next = commits.commit(() => 2);
    await tick();
    fsync.finishOne();
    await expect(next).resolves.toBe(2);
  });

  it('rolls back a write that throws, without an fsync, and keeps synchronous = FULL for everything else', async () => {
    const fsync = manualSync();
    const commits = groupCommit(store.db, () => fsync.sync());
    await expect(
      commits.commit(() => {
        store.add({ ...form, heardVia: '' });
        throw new Error('invalid');
      }),
    ).rejects.toThrow('invalid');
    expect(fsync.started).toBe(0);
    expect(store.count()).toBe(0);
    expect(store.pragma('synchronous')).toBe(2);
  });

  it('stores each of 200 concurrent requests through the real WAL fsync, with its counts', async () => {
    const intake = requestIntake(store.db);
    const ids = await Promise.all(Array.from({ length: 200 }, (_, i) => intake.addDurably({ ...form, phone: `+45${30000000 + i}` })));
    expect(new Set(ids).size).toBe(200);
    expect(rowsSeenFromOutside()).toBe(200);
    expect(existsSync(`${store.file}-wal`)).toBe(true);
    const counted = store.db.prepare("SELECT sum(count) AS n FROM monthly_funnel WHERE stage = 'new'").get() as { n: number };
    expect(counted.n).toBe(200);
    expect(store.pragma('synchronous')).toBe(2);
    expect(store.integrityCheck()).toBe('ok');
  });
});

describe('the WAL fsync', () => {
  it('keeps the WAL open between syncs, and follows a new WAL file (with its directory) when SQLite makes one', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'aaben-doer-wal-sync-'));
    const file = path.join(dir, 'x.sqlite');
    writeFileSync(`${file}-wal`, 'first');
    const opens = vi.spyOn(fs, 'open');
    const fsyncs = vi.spyOn(fs, 'fsync');
    try {
      const sync = walSyncer(file);
      await sync();
      // The WAL and its directory, each opened and synced once.
      expect(opens.mock.calls.map((c) => c[0])).toEqual([`${file}-wal`, dir]);
      expect(fsyncs).toHaveBeenCalledTimes(2);
      await sync();
      expect(opens).toHaveBeenCalledTimes(2);
      expect(fsyncs).toHaveBeenCalledTimes(3);
      // A new file under the same name: opened, it and the directory synced, before the answer.
      unlinkSync(`${file}-wal`);
      writeFileSync(`${file}-wal`, 'second');
      await sync();
      expect(opens.mock.calls.map((c) => c[0])).toEqual([`${file}-wal`, dir, `${file}-wal`, dir]);
      expect(fsyncs).toHaveBeenCalledTimes(6);
    } finally {
      opens.mockRestore();
      fsyncs.mockRestore();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
