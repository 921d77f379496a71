/**
 * Stores a new request (from the form, or a partner's referral) in the inbox's table together
 * with its aggregate counts, in ONE transaction: there is never a request without its count, nor
 * a count without its request. The counts hold no id, name or number (./channelCounts.ts).
 */
import type { DatabaseSync } from 'node:sqlite';
import { inTransaction } from './inTransaction.ts';
import { channelCounts } from './channelCounts.ts';
import { registrationParams, type InterestInput } from './interest.ts';
import { groupCommit, type GroupCommit } from './groupCommit.ts';

/** What a referral adds to a request: who referred her and how she consented. Shown in the inbox only. */
export interface ReferralRecord {
  referrer: { name: string; role: string; organisation: string; contact: string };
  consent: { how: 'oral' | 'slip'; feedback: boolean; date: string };
  /** Her languages as the partner ticked them, and another she speaks. */
  languages: string[];
  languageOther: string;
  /** The partner's short note about her (no health details). */
  note: string;
}

/** A request from either door: the form's fields (one definition, ./interest.ts), and where she came from. */
export interface RequestInput extends Omit<InterestInput, 'heardVia' | 'channel'> {
  kind: 'interest' | 'referral';
  /** A known channel code, or ''. */
  channel: string;
  /** Her answer to "How did you hear about us?", or ''. */
  heardVia: string;
  referral?: ReferralRecord;
}

// One intake per open connection: its statements are prepared once, and its posts share one group commit.
const intakes = new WeakMap<DatabaseSync, ReturnType<typeof createIntake>>();

/** The intake on an open (and migrated) database; the same object for the same connection. */
export function requestIntake(db: DatabaseSync) {
  let intake = intakes.get(db);
  if (!intake) intakes.set(db, (intake = createIntake(db)));
  return intake;
}

function createIntake(db: DatabaseSync) {
  let commits: GroupCommit | undefined;
  const insert = db.prepare(`INSERT INTO interest
    (created_at, first_name, phone, language, contact_method, best_time, activities, interpreter, consent_version, consent_language,
     kind, channel, heard_via, referral)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const counts = channelCounts(db);
  const write = (input: RequestInput, now: Date) => () => {
    const result = insert.run(
      ...registrationParams(input, now),
      input.kind,
      input.channel || null,
      input.heardVia || null,
      input.referral ? JSON.stringify(input.referral) : null,
    );
    counts.countRequest(
      {
        kind: input.kind,
        channel: input.channel,
        heardVia: input.heardVia,
        language: input.language,
        organisation: input.referral?.referrer.organisation,
      },
      now,
    );
    return Number(result.lastInsertRowid);
  };
  return {
    /** Stores the request and counts it; returns its id once both are on disk (SQLite's own fsync). */
    add(input: RequestInput, now = new Date()): number {
      return inTransaction(db, write(input, now));
    },

    /**
     * The same for the forms' receivers: concurrent posts share one fsync (./groupCommit.ts);
     * resolves with the id once the row and its counts are on disk, never before.
     */
    addDurably(input: RequestInput, now = new Date()): Promise<number> {
      commits ??= groupCommit(db);
      return commits.commit(write(input, now));
    },
  };
}
