/**
 * Group commit for the forms' writes (src/channels/requestIntake.ts): many concurrent posts share
 * one fsync instead of each blocking the whole server for its own.
 * - Each write is its own transaction, committed at once with `synchronous = NORMAL`: SQLite writes
 *   the WAL frames (an ordinary write(), microseconds) but does not fsync on the event loop.
 * - Then the WAL file is fsynced on libuv's thread pool; one fsync covers every commit written
 *   before it started. A commit made while an fsync runs waits for the next one.
 * - The caller gets its result only after that fsync: an answer is never given for a row that is not
 *   on disk, exactly as with `synchronous = FULL` (kill -9 or power loss loses no acknowledged row).
 * - The connection's own setting (FULL) is restored after each commit, so the inbox's other writes
 *   keep SQLite's own per-commit fsync.
 */
import { open } from 'node:fs/promises';
import path from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { inTransaction } from '#src/inbox/inboxDb.ts';

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
 */
export function walSyncer(dbFile: string): SyncWal {
  const walFile = `${dbFile}-wal`;
  let syncedInode: number | bigint | undefined;
  return async () => {
    const wal = await open(walFile, 'r');
    try {
      await wal.sync();
      const { ino } = await wal.stat();
      if (ino !== syncedInode) {
        const dir = await open(path.dirname(walFile), 'r');
        try {
          await dir.sync();
        } finally {
          await dir.close();
        }
        syncedInode = ino;
      }
    } finally {
      await wal.close();
    }
  };
}

/** A group committer on an open WAL-mode connection; `syncWal` is replaceable for tests. */
export function groupCommit(db: DatabaseSync, syncWal: SyncWal = walSyncer(mainFile(db))) {
  const synchronous = Number((db.prepare('PRAGMA synchronous').get() as { synchronous: number }).synchronous);
  let running: Promise<void> | undefined;
  let queued: Promise<void> | undefined;

  const startSync = (): Promise<void> => {
    const sync = syncWal().finally(() => {
      if (running === sync) running = undefined;
    });
    running = sync;
    return sync;
  };

  /** Resolves once an fsync that started after this call has finished. */
  const durable = (): Promise<void> => {
    if (!running) return startSync();
    // The running fsync may have started before this commit was written: the next one covers it.
    queued ??= running
      .catch(() => {})
      .then(() => {
        queued = undefined;
        return startSync();
      });
    return queued;
  };

  return {
    /** Runs `write` in one transaction now; resolves with its result once it is on disk. */
    async commit<T>(write: () => T): Promise<T> {
      db.exec('PRAGMA synchronous = NORMAL');
      let result: T;
      try {
        result = inTransaction(db, write);
      } finally {
        db.exec(`PRAGMA synchronous = ${synchronous}`);
      }
      await durable();
      return result;
    },
  };
}

export type GroupCommit = ReturnType<typeof groupCommit>;
