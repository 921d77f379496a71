/**
 * src/store/ is the ONE home of the app's SQLite database (`<DATA_DIR>/interest.sqlite`): opening
 * it, its migrations (./migrations.ts, one ordered list), group commit, WAL checkpoints, backup, the
 * health check, and every query, one file per concern (the model: Miniflux's internal/storage/).
 * No other folder imports node:sqlite or holds SQL: the features call the functions here.
 * Rows hold special-category personal data (they hint at her origin), so:
 * - the file is created 0600 in a 0700 directory, on first use;
 * - WAL + synchronous=FULL: a row is on disk before the server answers 303 (./groupCommit.ts
 *   shares that fsync between concurrent posts);
 * - secure_delete overwrites deleted rows, and deletions checkpoint the WAL, so "deleted" means
 *   gone from the file too;
 * - nothing here logs a value.
 *
 * What we store about her, table by table:
 * - interest (./requests.ts, ./interest.ts, ./requestIntake.ts): one row per request, from the
 *   form or a partner's referral. Her first name, phone number, the language staff write to her
 *   in, how to contact her (call/SMS/WhatsApp), the best time, the activities she asked about,
 *   whether she needs an interpreter, the version and language of the consent text she agreed
 *   to, when it arrived; how she heard of us and the short link's channel code; for a referral,
 *   the referrer (name, role, organisation, contact), how she consented, her languages and the
 *   partner's short note. Staff add the status and its dates, who took it and a free-text note.
 *   Kept until she asks for deletion or `retentionDays` (site.config.ts) after it arrived.
 * - request_attempts (./requests.ts): the dates staff tried to reach her and could not; deleted
 *   with the request.
 * - audit (./audit.ts): who of the staff did what to which request id or colleague, when, and
 *   what failed (sign-ins, invite links, refused pages, rate limits); never her name or number,
 *   a token or an address. Kept 365 days.
 * - monthly_counts, monthly_referrals, monthly_funnel, link_visits (./channelCounts.ts,
 *   ./results.ts): numbers per month or day, by channel, answer, language, partner organisation
 *   and funnel stage; nothing links to a person, so they outlive the deletion of her row. Only
 *   the partner organisations' names go with the retention purge (a name and a month can point
 *   at her).
 * - staff, invites, passkeys, sessions (./staff.ts, ./passkeys.ts, ./sessions.ts): the staff,
 *   not her; invite tokens and session ids only as SHA-256 hashes. Used and expired invites and
 *   revoked accounts go `retentionDays` later; sessions after 8 hours at most.
 * - server_state (./serverState.ts): the last request a notice mail was sent for, the day of the
 *   last reminder, the time of the last health check; nothing about her.
 */
import { DatabaseSync } from 'node:sqlite';
import { chmodSync, closeSync, mkdirSync, openSync, statSync } from 'node:fs';
import path from 'node:path';
import { migrate } from './migrations.ts';

/** The open connection to the database: what the features hand to the query modules here. */
export type Database = DatabaseSync;

/** File name of the database inside the data directory (the first release called it so). */
export const databaseFile = 'interest.sqlite';

/** Where the data lives: env DATA_DIR, else ./data (relative to the working directory). */
export function resolveDataDir(dataDir: string | undefined = process.env.DATA_DIR): string {
  return path.resolve(dataDir && dataDir.trim() ? dataDir : './data');
}

/**
 * Moves the WAL into the main file and truncates it, so deleted rows leave no copy behind. While
 * another connection runs a checkpoint (the server's worker, ./walCheckpoints.ts) SQLite answers
 * "busy" at once instead of waiting: then this tries again, for up to a second. True when done.
 */
export function truncateWal(db: Database): boolean {
  const wait = new Int32Array(new SharedArrayBuffer(4));
  for (let attempt = 0; attempt < 100; attempt++) {
    const result = db.prepare('PRAGMA wal_checkpoint(TRUNCATE)').get() as { busy: number } | undefined;
    if (!result || result.busy === 0) return true;
    Atomics.wait(wait, 0, 0, 10);
  }
  return false;
}

/**
 * Makes the data directory 0700 (the owner only) if anyone else could read or enter it: it holds
 * her rows, the staff's passkeys and the form secret. Logs the change, with the path only.
 */
export function tightenDataDir(dir: string): void {
  const mode = statSync(dir).mode & 0o777;
  if (mode === 0o700) return;
  chmodSync(dir, 0o700);
  console.log(`data: ${dir} was ${mode.toString(8).padStart(4, '0')}; now 0700 (the owner only)`);
}

/**
 * Opens (and on first use creates) the database, and migrates it to the schema this code knows.
 * Refuses a file whose schema is newer than that (./migrations.ts).
 */
export function openStore(options: { dataDir?: string; busyTimeoutMs?: number } = {}) {
  const dir = resolveDataDir(options.dataDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  tightenDataDir(dir);
  const file = path.join(dir, databaseFile);
  // Create the file ourselves so it is 0600 from its first byte; SQLite gives -wal/-shm the same mode.
  closeSync(openSync(file, 'a', 0o600));
  chmodSync(file, 0o600);

  const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
  const db = new DatabaseSync(file, { timeout: busyTimeoutMs });
  try {
    db.exec(`PRAGMA busy_timeout = ${Number(busyTimeoutMs)}`);
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = FULL');
    db.exec('PRAGMA secure_delete = ON');
    // Versioned migrations: a file made by an older release is upgraded in place.
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }

  return {
    /** Absolute path of the database file. */
    file,

    /** The open connection (the one connection of this process to this file). */
    db,

    /** Moves the WAL into the main file and truncates it, so deleted rows leave no copy behind. */
    checkpoint() {
      truncateWal(db);
    },

    /** "ok" when SQLite finds the file sound. */
    integrityCheck() {
      const rows = db.prepare('PRAGMA integrity_check').all();
      return rows.map((r) => Object.values(r)[0]).join('\n');
    },

    /** A pragma's current value (for tests and the staff CLI's `status`). */
    pragma(name: string): unknown {
      if (!/^[a-z_]+$/.test(name)) throw new Error('bad pragma name');
      const row = db.prepare(`PRAGMA ${name}`).get();
      return row ? Object.values(row)[0] : undefined;
    },

    close() {
      db.close();
    },
  };
}

export type Store = ReturnType<typeof openStore>;
