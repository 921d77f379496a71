/**
 * Group commit for the forms' writes (./requestIntake.ts): many concurrent posts share
 * one fsync, and one transaction, instead of each blocking the whole server for its own.
 * - Writes are committed with `synchronous = NORMAL`: SQLite writes the WAL frames (an ordinary
 *   write()) but does not fsync on the event loop. With no fsync running, a write is committed at
 *   once; the writes that arrive while one runs are committed together when it ends, in ONE
 *   transaction with a savepoint each (a write that throws is rolled back alone): each commit
 *   costs its WAL pages once per batch instead of once per post.
 * - Then the WAL file is fsynced on libuv's thread pool; one fsync covers every commit written
 *   before it started.
 * - The caller gets its result only after that fsync: an answer is never given for a row that is not
 *   on disk, exactly as with `synchronous = FULL` (kill -9 or power loss loses no acknowledged row).
 * - The connection's own setting (FULL) is restored after each commit, so the inbox's other writes
 *   keep SQLite's own per-commit fsync.
 */
import fs from 'node:fs';
import { promisify } from 'node:util';
import path from 'node:path';
import type { DatabaseSync } from 'node:sqlite';

/** Makes everything written to the WAL so far durable. */
export type SyncWal = () => Promise<void>;

/** The main database file of an open connection (its WAL is `<file>-wal`). */
function mainFile(db: DatabaseSync): string {
  const rows = db.prepare('PRAGMA database_list').all() as { name: string; file: string }[];
  const main = rows.find((r) => r.name === 'main')?.file;
  if (!main) throw new Error('group commit needs a database file, not an in-memory database');
  return main;
}

/**
 * fsync of `<file>-wal`; the first time a WAL file (inode) is seen, its directory too, so a newly
 * created WAL's name survives a power loss (SQLite does the same on its own first sync of a new file).
 * The WAL stays open between syncs: each sync is then one trip to the thread pool (the fsync, with
 * a stat of the path beside it) instead of four one after another (open, fsync, stat, close), each
 * waiting for its turn on a busy event loop. Should the path name another file than the open one
 * (SQLite deleted the WAL and made a new one), the new one is opened and synced before answering.
 */
export function walSyncer(dbFile: string): SyncWal {
  const walFile = `${dbFile}-wal`;
  let wal: { fd: number; ino: number } | undefined;

  const openWal = async () => {
    const fd = await promisify(fs.open)(walFile, 'r');
    try {
      const { ino } = await promisify(fs.fstat)(fd);
      const dir = await promisify(fs.open)(path.dirname(walFile), 'r');
      try {
        await promisify(fs.fsync)(dir);
      } finally {
        await promisify(fs.close)(dir);
      }
      return { fd, ino };
    } catch (error) {
      await promisify(fs.close)(fd).catch(() => {});
      throw error;
    }
  };

  return async () => {
    wal ??= await openWal();
    const [, current] = await Promise.all([promisify(fs.fsync)(wal.fd), promisify(fs.stat)(walFile)]);
    if (current.ino !== wal.ino) {
      const stale = wal.fd;
      wal = undefined;
      await promisify(fs.close)(stale).catch(() => {});
      wal = await openWal();
      await promisify(fs.fsync)(wal.fd);
    }
  };
}

interface Waiting {
  write: () => unknown;
  resolve: (result: unknown) => void;
  reject: (error: unknown) => void;
}

/** A group committer on an open WAL-mode connection; `syncWal` is replaceable for tests. */
export function groupCommit(db: DatabaseSync, syncWal: SyncWal = walSyncer(mainFile(db))) {
  const synchronous = Number((db.prepare('PRAGMA synchronous').get() as { synchronous: number }).synchronous);
  let running: Promise<void> | undefined;
  let waiting: Waiting[] = [];

  /**
   * Runs `batch` in one transaction, each write in a savepoint of its own: a write that throws is
   * rolled back alone and rejected at once. Returns the writes that were committed, with results;
   * when the transaction itself fails (locked, disk full), every write of the batch is rejected.
   */
  const commitTogether = (batch: Waiting[]): { done: Waiting; result: unknown }[] => {
    const committed: { done: Waiting; result: unknown }[] = [];
    try {
      db.exec('PRAGMA synchronous = NORMAL');
      db.exec('BEGIN IMMEDIATE');
      for (const one of batch) {
        db.exec('SAVEPOINT post');
        try {
          const result = one.write();
          db.exec('RELEASE post');
          committed.push({ done: one, result });
        } catch (error) {
          // SQLite rolled the whole transaction back (a full disk does that): the batch fails below.
          if (!db.isTransaction) throw error;
          db.exec('ROLLBACK TO post');
          db.exec('RELEASE post');
          one.reject(error);
        }
      }
      db.exec('COMMIT');
      return committed;
    } catch (error) {
      try {
        if (db.isTransaction) db.exec('ROLLBACK');
      } catch {
        // Already rolled back, or the connection is gone: nothing of the batch is stored either way.
      }
      // Writes already refused one by one stay refused for their own reason (a promise settles once).
      for (const one of batch) one.reject(error);
      return [];
    } finally {
      if (db.isOpen) db.exec(`PRAGMA synchronous = ${synchronous}`);
    }
  };

  /** Commits what is waiting and starts the fsync that makes it durable; the next batch waits for it. */
  const flush = () => {
    const batch = waiting;
    waiting = [];
    const committed = commitTogether(batch);
    if (committed.length === 0) return;
    running = syncWal()
      .then(
        () => committed.forEach(({ done, result }) => done.resolve(result)),
        (error: unknown) => committed.forEach(({ done }) => done.reject(error)),
      )
      .finally(() => {
        running = undefined;
        if (waiting.length > 0) flush();
      });
  };

  return {
    /**
     * Runs `write` in a transaction and resolves with its result once it is on disk. With no fsync
     * running, at once; else it waits with the others that arrive meanwhile, and they are all
     * committed in one transaction as soon as that fsync ends, then share the next one.
     */
    commit<T>(write: () => T): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        waiting.push({ write, resolve: resolve as (result: unknown) => void, reject });
        if (!running) flush();
      });
    },
  };
}

export type GroupCommit = ReturnType<typeof groupCommit>;
