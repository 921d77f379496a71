/**
 * Counts that show which recruitment channels work, kept apart from the personal rows so they
 * survive their deletion (by retention or on her request). Nothing counted links to a person: no
 * request id, no IP address, no cookie, no user agent; only a day or a month and a number.
 * Here: the funnel's stages and the Copenhagen day and month a count belongs to. The tables and
 * their writes are in src/store/channelCounts.ts, the monthly report in src/store/results.ts.
 */

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
