/**
 * WAL checkpoints of the database on a worker thread, for the server (the worker's code is below).
 * SQLite's automatic checkpoint runs inside the COMMIT that fills the WAL past 1000 pages: every
 * few hundred form posts, one post's commit copied ~4 MB into the database file and fsynced it
 * twice, on the event loop, while every other request waited (docs/performance.md, "Form
 * receiver"). Here the main connection does not checkpoint by itself; a second connection on a
 * worker thread runs a PASSIVE checkpoint every `intervalMs` (nothing to copy: nothing done), which
 * never blocks the main connection's writers and readers.
 * Durability does not depend on checkpoints: a commit is durable once the WAL is synced
 * (./groupCommit.ts); a checkpoint only moves pages that are already safe. Should the worker stop,
 * the main connection checkpoints by itself again, as SQLite does by default.
 */
import { once } from 'node:events';
import { DatabaseSync } from 'node:sqlite';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

/** SQLite's default: checkpoint when a commit leaves more than 1000 pages in the WAL. */
const sqliteAutocheckpoint = 1000;

interface CheckpointJob {
  file: string;
  intervalMs: number;
}

export interface WalCheckpoints {
  /** Stops the worker (it closes its connection first); the main connection checkpoints by itself again. */
  stop(): Promise<void>;
}

/** Moves the checkpoints of `db` (open on `file`, in WAL mode) to a worker thread. */
export function checkpointOffThread(db: DatabaseSync, file: string, { intervalMs = 200 } = {}): WalCheckpoints {
  const job: CheckpointJob = { file, intervalMs };
  const worker = new Worker(new URL(import.meta.url), {
    workerData: { walCheckpoints: job },
    // The server has already said once that node:sqlite is experimental.
    execArgv: [...process.execArgv, '--disable-warning=ExperimentalWarning'],
  });
  db.exec('PRAGMA wal_autocheckpoint = 0');
  let ended = false;
  const backOnMainThread = (why: string | undefined) => {
    if (ended) return;
    ended = true;
    if (db.isOpen) db.exec(`PRAGMA wal_autocheckpoint = ${sqliteAutocheckpoint}`);
    // The code only, never a message.
    if (why) console.error(`interest: WAL checkpoints back on the main thread (${why})`);
  };
  worker.on('error', (error) => backOnMainThread((error as { code?: string }).code ?? 'worker error'));
  worker.on('exit', (code) => backOnMainThread(code === 0 ? undefined : `worker exit ${code}`));
  // It never keeps the server running by itself.
  worker.unref();
  return {
    async stop() {
      if (ended) return;
      const exited = once(worker, 'exit');
      worker.postMessage('stop');
      await exited;
    },
  };
}

if (!isMainThread && (workerData as { walCheckpoints?: CheckpointJob } | null)?.walCheckpoints) {
  const { file, intervalMs } = (workerData as { walCheckpoints: CheckpointJob }).walCheckpoints;
  const db = new DatabaseSync(file);
  // Its own default, FULL: the checkpoint syncs the WAL before it copies and the database after.
  db.exec('PRAGMA synchronous = FULL');
  const timer = setInterval(() => {
    try {
      // PASSIVE: copies what it can without waiting for anyone; "busy" just means next time.
      db.exec('PRAGMA wal_checkpoint(PASSIVE)');
    } catch {
      // Next time.
    }
  }, intervalMs);
  parentPort!.on('message', (message) => {
    if (message !== 'stop') return;
    clearInterval(timer);
    db.close();
    parentPort!.close();
  });
}
