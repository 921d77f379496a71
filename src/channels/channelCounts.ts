/**
 * Counts that show which recruitment channels work, kept apart from the personal rows so they
 * survive their deletion (by retention or on her request). Nothing here links to a person: no
 * request id, no IP address, no cookie, no user agent; only a day or a month and a number.
 * - link_visits: hits on /r/<code> per day, for known codes plus one "unknown" bucket;
 * - monthly_counts (the inbox's table): requests per month × kind × channel × answer × language;
 * - monthly_referrals: referrals per month × partner organisation;
 * - monthly_funnel: requests per month (of arrival) that reached new → contacted → came → started.
 */
import type { DatabaseSync } from 'node:sqlite';

/** The migration that adds this feature's tables; it runs after the inbox's own. */
export const channelCountsMigrationSql = `
CREATE TABLE link_visits (
  day   TEXT    NOT NULL,
  code  TEXT    NOT NULL,
  count INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (day, code)
);
CREATE TABLE monthly_referrals (
  month        TEXT    NOT NULL,
  organisation TEXT    NOT NULL,
  count        INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (month, organisation)
);
CREATE TABLE monthly_funnel (
  month TEXT    NOT NULL,
  stage TEXT    NOT NULL,
  count INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (month, stage)
);
-- How far each request has come in the funnel (0 new … 3 started), so a stage counts once.
ALTER TABLE interest ADD COLUMN funnel_stage INTEGER NOT NULL DEFAULT 0;`;

/** The funnel's stages in order; a later stage implies the earlier ones. */
export const funnelStages = ['new', 'contacted', 'came', 'started'] as const;
export type FunnelStage = (typeof funnelStages)[number];

/** "2026-11" in Copenhagen time: a request on the night of 31 October belongs to the month she lived it in. */
export function monthOf(at: Date): string {
  return dayOf(at).slice(0, 7);
}

// Made once: creating a formatter with a time zone costs about a millisecond, on every form post.
const copenhagenDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Copenhagen',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** "2026-11-30" in Copenhagen time. */
export function dayOf(at: Date): string {
  return copenhagenDay.format(at);
}

export function channelCounts(db: DatabaseSync) {
  const visit = db.prepare(
    'INSERT INTO link_visits (day, code, count) VALUES (?, ?, 1) ON CONFLICT (day, code) DO UPDATE SET count = count + 1',
  );
  const request = db.prepare(
    `INSERT INTO monthly_counts (month, kind, channel, heard_via, language, count) VALUES (?, ?, ?, ?, ?, 1)
     ON CONFLICT (month, kind, channel, heard_via, language) DO UPDATE SET count = count + 1`,
  );
  const referral = db.prepare(
    `INSERT INTO monthly_referrals (month, organisation, count) VALUES (?, ?, 1)
     ON CONFLICT (month, organisation) DO UPDATE SET count = count + 1`,
  );
  const funnel = db.prepare(
    'INSERT INTO monthly_funnel (month, stage, count) VALUES (?, ?, 1) ON CONFLICT (month, stage) DO UPDATE SET count = count + 1',
  );
  const stageOf = db.prepare('SELECT created_at, funnel_stage FROM interest WHERE id = ?');
  const setStage = db.prepare('UPDATE interest SET funnel_stage = ? WHERE id = ?');

  return {
    /** One hit on /r/<code> (`code` is a known code or the unknown bucket: the caller makes sure). */
    countVisit(code: string, at = new Date()): void {
      visit.run(dayOf(at), code);
    },

    /** One new request: call in the same transaction as the row's insert. */
    countRequest(r: { kind: string; channel: string; heardVia: string; language: string; organisation?: string }, at = new Date()): void {
      const month = monthOf(at);
      request.run(month, r.kind, r.channel, r.heardVia, r.language);
      funnel.run(month, 'new');
      if (r.kind === 'referral' && r.organisation) referral.run(month, r.organisation);
    },

    /** A request reached `status`: counts each stage it passed for the first time, in its month of arrival. */
    countStatus(id: number, status: string): void {
      const target = funnelStages.indexOf(status as FunnelStage);
      if (target <= 0) return;
      const row = stageOf.get(id) as { created_at: string; funnel_stage: number } | undefined;
      if (!row || row.funnel_stage >= target) return;
      const month = monthOf(new Date(row.created_at));
      for (let stage = row.funnel_stage + 1; stage <= target; stage++) funnel.run(month, funnelStages[stage]!);
      setStage.run(target, id);
    },
  };
}
