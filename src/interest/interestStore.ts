/**
 * The ONE storage module for interest registrations ("call me back").
 * Rows hold special-category personal data (they hint at her origin), so:
 * - the database file is created 0600 in a 0700 directory, on first use;
 * - WAL + synchronous=FULL: a row is on disk before the server answers 303;
 * - secure_delete overwrites deleted rows, and purges checkpoint the WAL, so
 *   "deleted" means gone from the file too;
 * - nothing here logs a value;
 * - the schema is versioned (./migrations.ts) and migrated when the store opens.
 * The staff inbox (src/inbox/) reads and changes the same file through `db`.
 */
import { DatabaseSync } from 'node:sqlite';
import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import type { ContactMethod, ValidInterest } from './validateInterest.ts';
import { migrate } from './migrations.ts';

/** File name of the database inside the data directory. */
export const interestDbFile = 'interest.sqlite';

/** One registration as the receiver stores it: what passed validation, and the consent she gave. */
export interface InterestInput
  extends Omit<ValidInterest, 'pageLang' | 'heardVia' | 'channel'>, Partial<Pick<ValidInterest, 'heardVia' | 'channel'>> {
  /** Version of the consent text she agreed to. */
  consentVersion: string;
  /** Language of the page she read the consent text in. */
  consentLanguage: string;
}

/** A stored registration: its id and when it arrived (ISO 8601, UTC). */
export interface InterestRow extends InterestInput {
  id: number;
  createdAt: string;
}

/**
 * The first ten columns of a row in `interest`, in table order: one source for the form's own
 * store and the inbox's intake (src/channels/requestIntake.ts), which adds kind, channel and referral.
 */
export function registrationParams(
  input: Pick<InterestInput, 'firstName' | 'phone' | 'language' | 'consentVersion' | 'consentLanguage' | 'interpreter'> & {
    contactMethod: string;
    bestTime: string;
    activities: readonly string[];
  },
  now: Date,
): (string | number)[] {
  return [
    now.toISOString(),
    input.firstName.normalize('NFC'),
    input.phone,
    input.language,
    input.contactMethod,
    input.bestTime,
    JSON.stringify(input.activities),
    input.interpreter ? 1 : 0,
    input.consentVersion,
    input.consentLanguage,
  ];
}

/**
 * Moves the WAL into the main file and truncates it, so deleted rows leave no copy behind. While
 * another connection runs a checkpoint (the server's worker, ./walCheckpoints.ts) SQLite answers
 * "busy" at once instead of waiting: then this tries again, for up to a second. True when done.
 */
export function truncateWal(db: DatabaseSync): boolean {
  const wait = new Int32Array(new SharedArrayBuffer(4));
  for (let attempt = 0; attempt < 100; attempt++) {
    const result = db.prepare('PRAGMA wal_checkpoint(TRUNCATE)').get() as { busy: number } | undefined;
    if (!result || result.busy === 0) return true;
    Atomics.wait(wait, 0, 0, 10);
  }
  return false;
}

/** Where the data lives: env DATA_DIR, else ./data (relative to the working directory). */
export function resolveDataDir(dataDir: string | undefined = process.env.DATA_DIR): string {
  return path.resolve(dataDir && dataDir.trim() ? dataDir : './data');
}

function fromDb(r: Record<string, unknown>): InterestRow {
  return {
    id: Number(r.id),
    createdAt: String(r.created_at),
    firstName: String(r.first_name),
    phone: String(r.phone),
    language: String(r.language),
    contactMethod: r.contact_method as ContactMethod,
    bestTime: String(r.best_time),
    activities: JSON.parse(String(r.activities)) as string[],
    interpreter: r.interpreter === 1,
    consentVersion: String(r.consent_version),
    consentLanguage: String(r.consent_language),
  };
}

/**
 * Opens (and on first use creates) the interest database.
 */
export function openInterestStore(options: { dataDir?: string; busyTimeoutMs?: number } = {}) {
  const dir = resolveDataDir(options.dataDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, interestDbFile);
  // Create the file ourselves so it is 0600 from its first byte; SQLite gives -wal/-shm the same mode.
  closeSync(openSync(file, 'a', 0o600));
  chmodSync(file, 0o600);

  const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
  const db = new DatabaseSync(file, { timeout: busyTimeoutMs });
  db.exec(`PRAGMA busy_timeout = ${Number(busyTimeoutMs)}`);
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = FULL');
  db.exec('PRAGMA secure_delete = ON');
  // Versioned migrations (./migrations.ts): a file made by an older release is upgraded in place.
  migrate(db);

  const insert = db.prepare(`INSERT INTO interest
    (created_at, first_name, phone, language, contact_method, best_time, activities, interpreter, consent_version, consent_language)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const selectAll = db.prepare('SELECT * FROM interest ORDER BY id');
  const selectByPhone = db.prepare('SELECT * FROM interest WHERE phone = ? ORDER BY id');
  const deleteById = db.prepare('DELETE FROM interest WHERE id = ?');
  const deleteOlder = db.prepare('DELETE FROM interest WHERE created_at < ?');
  const countAll = db.prepare('SELECT count(*) AS n FROM interest');

  return {
    /** Absolute path of the database file. */
    file,

    /** The open connection, for the staff inbox's stores (the one connection to this file). */
    db,

    /** Stores one registration; returns its id once it is durably on disk. */
    add(input: InterestInput, now = new Date()): number {
      const result = insert.run(...registrationParams(input, now));
      return Number(result.lastInsertRowid);
    },

    /** Every row, oldest first. */
    all(): InterestRow[] {
      return selectAll.all().map(fromDb);
    },

    /** Rows with exactly this normalised phone number. */
    findByPhone(phone: string): InterestRow[] {
      return selectByPhone.all(phone).map(fromDb);
    },

    /** Deletes one row (a woman asked for her data to be deleted). */
    delete(id: number): boolean {
      const changed = Number(deleteById.run(id).changes) > 0;
      this.checkpoint();
      return changed;
    },

    /** Deletes rows stored more than `retentionDays` days before `now`; returns how many. */
    purge(retentionDays: number, now = new Date()): number {
      if (!Number.isFinite(retentionDays) || retentionDays < 1) {
        throw new RangeError(`retentionDays must be a positive number, got ${retentionDays}`);
      }
      const cutoff = new Date(now.getTime() - retentionDays * 24 * 60 * 60 * 1000).toISOString();
      const removed = Number(deleteOlder.run(cutoff).changes);
      if (removed > 0) this.checkpoint();
      return removed;
    },

    /** Number of stored rows. */
    count(): number {
      return Number((countAll.get() as { n: number }).n);
    },

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

export type InterestStore = ReturnType<typeof openInterestStore>;
