/**
 * Stores a new request (from the form, or a partner's referral) in the inbox's table together
 * with its aggregate counts, in ONE transaction: there is never a request without its count, nor
 * a count without its request. The counts hold no id, name or number (src/channels/channelCounts.ts).
 */
import type { DatabaseSync } from 'node:sqlite';
import { inTransaction } from '#src/inbox/inboxDb.ts';
import { channelCounts } from './channelCounts.ts';
import type { ContactMethod } from '#src/interest/validateInterest.ts';
import { registrationParams } from '#src/interest/interestStore.ts';

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

export interface RequestInput {
  kind: 'interest' | 'referral';
  firstName: string;
  phone: string;
  /** The language staff write to her in. */
  language: string;
  contactMethod: ContactMethod;
  bestTime: string;
  activities: string[];
  interpreter: boolean;
  consentVersion: string;
  consentLanguage: string;
  /** A known channel code, or ''. */
  channel: string;
  /** Her answer to "How did you hear about us?", or ''. */
  heardVia: string;
  referral?: ReferralRecord;
}

export function requestIntake(db: DatabaseSync) {
  const insert = db.prepare(`INSERT INTO interest
    (created_at, first_name, phone, language, contact_method, best_time, activities, interpreter, consent_version, consent_language,
     kind, channel, heard_via, referral)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const counts = channelCounts(db);
  return {
    /** Stores the request and counts it; returns its id once both are on disk. */
    add(input: RequestInput, now = new Date()): number {
      return inTransaction(db, () => {
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
      });
    },
  };
}
