/**
 * The counts that show which recruitment channels work (what is counted, and why it names nobody:
 * src/channels/channelCounts.ts). Written here, in the same transaction as the change they count:
 * - link_visits: hits on /r/<code> per day, for known codes plus one "unknown" bucket;
 * - monthly_counts: requests per month × kind × channel × answer × language;
 * - monthly_referrals: referrals per month × partner organisation; a partner's name with a month
 *   can point at the one woman it referred, so these rows go with the retention purge
 *   (forgetOrganisations below);
 * - monthly_funnel: requests per month (of arrival) that reached new → contacted → came → started.
 */
import type { DatabaseSync } from 'node:sqlite';
import { dayOf, funnelStages, monthOf, type FunnelStage } from '#src/channels/channelCounts.ts';
import { inTransaction } from './inTransaction.ts';

/** Visits to add to one day's count of one code (the server batches them: src/channels/visitCounter.ts). */
export interface VisitBatchEntry {
  /** "2026-11-30", Copenhagen time. */
  day: string;
  /** A known code or the unknown bucket. */
  code: string;
  count: number;
}

export function channelCounts(db: DatabaseSync) {
  const visits = db.prepare(
    'INSERT INTO link_visits (day, code, count) VALUES (?, ?, ?) ON CONFLICT (day, code) DO UPDATE SET count = count + excluded.count',
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
      visits.run(dayOf(at), code, 1);
    },

    /** Many hits at once, in one transaction: what the server's batch of /r/ visits writes every few seconds. */
    addVisits(batch: readonly VisitBatchEntry[]): void {
      if (batch.length === 0) return;
      inTransaction(db, () => {
        for (const { day, code, count } of batch) visits.run(day, code, count);
      });
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

/**
 * Deletes the partner organisations' names of every month that ended before `cutoff` (the
 * retention purge's: every request of those months is gone, so their names go too). The
 * referrals stay counted in monthly_counts (kind 'referral'). Returns how many rows went.
 */
export function forgetOrganisations(db: DatabaseSync, cutoff: Date): number {
  return Number(db.prepare('DELETE FROM monthly_referrals WHERE month < ?').run(monthOf(cutoff)).changes);
}
