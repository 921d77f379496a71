/**
 * The programme's results, per month, from the aggregate tables only (src/store/results.ts reads
 * them): visits per short link, requests per channel, per "how did you hear" and per language, the
 * funnel, and referrals per partner organisation. No personal row is read, so the numbers stay
 * the same after requests are deleted.
 */

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

/** A count as the municipality's report shows it: 1 to 4 read "<5", so nobody in a small group can be recognised. */
export function maskSmall(count: number): string | number {
  return count > 0 && count < 5 ? '<5' : count;
}
