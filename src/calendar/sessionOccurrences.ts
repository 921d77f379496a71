/**
 * The dates of a weekly session, by the same rule as its RRULE (FREQ=WEEKLY;INTERVAL=everyWeeks;
 * BYDAY=…;WKST=MO, DTSTART = the first session on or after `from`), so the page and a phone's
 * calendar always agree. Skip dates are left out; cancelled dates stay, marked.
 */
import type { LocalizedText } from '#src/i18n/localizedText.ts';
import { copenhagenInstant, dateOfDay, dayNumber, mondayOf, weekdayOf, type Weekday } from './copenhagenTime.ts';

/** The recurrence fields of a session (what sessionSchema checks). */
export interface Recurrence {
  weekdays: readonly Weekday[];
  everyWeeks: number;
  from: string;
  until?: string | undefined;
}

export interface SessionFields extends Recurrence {
  start: string;
  end: string;
  skip: readonly { date: string; reason?: LocalizedText | undefined }[];
  cancelledDates: readonly { date: string; reason?: LocalizedText | undefined }[];
  cancelled: boolean;
}

export interface Occurrence {
  /** The Copenhagen date, YYYY-MM-DD. */
  date: string;
  start: Date;
  end: Date;
  /** This date (or the whole series) is cancelled. */
  cancelled: boolean;
  /** Why it is cancelled, when staff said. */
  reason?: LocalizedText | undefined;
}

/** The first day on or after `from` that is one of the weekdays: the series' DTSTART. */
export function firstSessionDate(r: Recurrence): string {
  const from = dayNumber(r.from);
  for (let day = from; day < from + 7; day += 1) {
    if (r.weekdays.includes(weekdayOf(dateOfDay(day)))) return dateOfDay(day);
  }
  throw new Error('firstSessionDate(): no weekdays');
}

/** True when the series takes place on `date` by its rule (before skips and cancellations). */
export function isSessionDate(r: Recurrence, date: string): boolean {
  const first = firstSessionDate(r);
  if (date < first || (r.until && date > r.until) || !r.weekdays.includes(weekdayOf(date))) return false;
  const weeks = (dayNumber(mondayOf(date)) - dayNumber(mondayOf(first))) / 7;
  return weeks % r.everyWeeks === 0;
}

/** The sessions on the Copenhagen dates `fromDate` to `toDate` (both included), in order. */
export function sessionOccurrences(s: SessionFields, fromDate: string, toDate: string): Occurrence[] {
  const skipped = new Set(s.skip.map((x) => x.date));
  const cancelled = new Map(s.cancelledDates.map((x) => [x.date, x.reason]));
  const out: Occurrence[] = [];
  const last = Math.min(dayNumber(toDate), s.until ? dayNumber(s.until) : Infinity);
  for (let day = Math.max(dayNumber(fromDate), dayNumber(s.from)); day <= last; day += 1) {
    const date = dateOfDay(day);
    if (!isSessionDate(s, date) || skipped.has(date)) continue;
    out.push({
      date,
      start: copenhagenInstant(date, s.start),
      end: copenhagenInstant(date, s.end),
      cancelled: s.cancelled || cancelled.has(date),
      reason: cancelled.get(date),
    });
  }
  return out;
}
