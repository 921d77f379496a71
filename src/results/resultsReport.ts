/**
 * The programme's results, per month, from the aggregate tables only (src/channels/channelCounts.ts):
 * visits per short link, requests per channel, per "how did you hear" and per language, the
 * funnel, and referrals per partner organisation. No personal row is read, so the numbers stay
 * the same after requests are deleted.
 */
import type { DatabaseSync } from 'node:sqlite';
import { funnelStages } from '#src/channels/channelCounts.ts';

/** One row of a result table: what is counted, and how many. */
export interface ResultRow {
  /** The code, answer, language, stage or organisation ('' = none given). */
  key: string;
  count: number;
}

export interface MonthResults {
  /** "2026-11" */
  month: string;
  visits: ResultRow[];
  channels: ResultRow[];
  answers: ResultRow[];
  languages: ResultRow[];
  funnel: ResultRow[];
  organisations: ResultRow[];
}

export type ResultTable = Exclude<keyof MonthResults, 'month'>;
export const resultTables: readonly ResultTable[] = ['visits', 'channels', 'answers', 'languages', 'funnel', 'organisations'];

/** The months that have any count, newest first. */
export function resultMonths(db: DatabaseSync): string[] {
  const rows = db
    .prepare(
      `SELECT month FROM monthly_counts UNION SELECT substr(day, 1, 7) FROM link_visits
       UNION SELECT month FROM monthly_funnel UNION SELECT month FROM monthly_referrals ORDER BY 1 DESC`,
    )
    .all() as { month: string }[];
  return rows.map((r) => r.month);
}

/** Every table for one month, each sorted by count (largest first), then key. */
export function monthResults(db: DatabaseSync, month: string): MonthResults {
  const rows = (sql: string) =>
    (db.prepare(sql).all(month) as { key: string; count: number }[]).map((r) => ({ key: String(r.key), count: Number(r.count) }));
  const requestsBy = (column: string) =>
    rows(`SELECT ${column} AS key, sum(count) AS count FROM monthly_counts WHERE month = ? GROUP BY ${column} ORDER BY count DESC, key`);
  const funnel = new Map(rows('SELECT stage AS key, count FROM monthly_funnel WHERE month = ?').map((r) => [r.key, r.count]));
  return {
    month,
    visits: rows(
      'SELECT code AS key, sum(count) AS count FROM link_visits WHERE substr(day, 1, 7) = ? GROUP BY code ORDER BY count DESC, key',
    ),
    channels: requestsBy('channel'),
    answers: requestsBy('heard_via'),
    languages: requestsBy('language'),
    funnel: funnelStages.map((stage) => ({ key: stage, count: funnel.get(stage) ?? 0 })),
    organisations: rows('SELECT organisation AS key, count FROM monthly_referrals WHERE month = ? ORDER BY count DESC, key'),
  };
}

/** A count as the municipality's report shows it: 1 to 4 read "<5", so nobody in a small group can be recognised. */
export function maskSmall(count: number): string | number {
  return count > 0 && count < 5 ? '<5' : count;
}
