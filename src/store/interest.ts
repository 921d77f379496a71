/**
 * The form's registrations ("call me back") as the staff CLI (scripts/interest.ts) and the daily
 * retention purge see them: add, list, find by phone, delete, purge, count. Rows of the table
 * `interest`, which the inbox reads as requests (./requests.ts).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { ContactMethod, ValidInterest } from '#src/interest/validateInterest.ts';
import { databaseFile, openStore, truncateWal, type Database } from './openStore.ts';
import { forgetOrganisations } from './channelCounts.ts';

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
 * store and the inbox's intake (./requestIntake.ts), which adds kind, channel and referral.
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

/** The registrations on an open (and migrated) database. */
export function interestRegistrations(db: Database) {
  const insert = db.prepare(`INSERT INTO interest
    (created_at, first_name, phone, language, contact_method, best_time, activities, interpreter, consent_version, consent_language)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const selectAll = db.prepare('SELECT * FROM interest ORDER BY id');
  const selectByPhone = db.prepare('SELECT * FROM interest WHERE phone = ? ORDER BY id');
  const deleteById = db.prepare('DELETE FROM interest WHERE id = ?');
  const deleteOlder = db.prepare('DELETE FROM interest WHERE created_at < ?');
  const countAll = db.prepare('SELECT count(*) AS n FROM interest');

  return {
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
      truncateWal(db);
      return changed;
    },

    /**
     * Deletes rows stored more than `retentionDays` days before `now`, and the partner names of
     * the months wholly before that (./channelCounts.ts); returns how many rows of her went.
     */
    purge(retentionDays: number, now = new Date()): number {
      if (!Number.isFinite(retentionDays) || retentionDays < 1) {
        throw new RangeError(`retentionDays must be a positive number, got ${retentionDays}`);
      }
      const cutoff = new Date(now.getTime() - retentionDays * 24 * 60 * 60 * 1000);
      const removed = Number(deleteOlder.run(cutoff.toISOString()).changes);
      const names = forgetOrganisations(db, cutoff);
      if (removed > 0 || names > 0) truncateWal(db);
      return removed;
    },

    /** Number of stored rows. */
    count(): number {
      return Number((countAll.get() as { n: number }).n);
    },
  };
}

/** Opens the database (./openStore.ts) together with its registrations: the interest runtime's and the CLI's store. */
export function openInterestStore(options: Parameters<typeof openStore>[0] = {}) {
  const store = openStore(options);
  return { ...store, ...interestRegistrations(store.db) };
}

export type InterestStore = ReturnType<typeof openInterestStore>;

/**
 * Rows in the database of `dataDir`, read on a read-only connection that neither creates nor
 * migrates the file (0 before the first registration created it): the bench's count of what a run stored.
 */
export function countStoredRows(dataDir: string): number {
  const file = path.join(dataDir, databaseFile);
  if (!existsSync(file)) return 0;
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    return Number((db.prepare('SELECT count(*) AS n FROM interest').get() as { n: number }).n);
  } finally {
    db.close();
  }
}
