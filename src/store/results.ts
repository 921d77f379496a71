/**
 * The programme's results per month, read from the aggregate tables only (./channelCounts.ts):
 * no personal row is read, so the numbers stay the same after requests are deleted. What the
 * tables mean and how they are shown: src/results/resultsReport.ts.
 */
import type { DatabaseSync } from 'node:sqlite';
import { funnelStages } from '#src/channels/channelCounts.ts';
import type { MonthResults } from '#src/results/resultsReport.ts';

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

/** Per meeting, soonest first: how many were invited from the inbox, and how many of them came. */
export function meetingInvitationResults(db: DatabaseSync): { meeting: string; startsAt: string; invited: number; came: number }[] {
  const rows = db.prepare('SELECT meeting, starts_at, invited, came FROM meeting_invitations ORDER BY starts_at, meeting').all() as {
    meeting: string;
    starts_at: string;
    invited: number;
    came: number;
  }[];
  return rows.map((r) => ({ meeting: String(r.meeting), startsAt: String(r.starts_at), invited: Number(r.invited), came: Number(r.came) }));
}
