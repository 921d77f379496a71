/**
 * Calendar dates ("2027-03-23") and clock times ("10:00") in Copenhagen, turned into instants.
 * Sessions are written in local time so a phone shows 10:00 in winter and in summer alike;
 * this is the one place that knows how the local time maps to UTC on a given day.
 */
import { siteTimeZone } from '#src/i18n/siteTimeZone.ts';

/** The seven weekdays as staff write them, Monday first (the Danish week). */
export const weekdayNames = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof weekdayNames)[number];

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const timePattern = /^([01]\d|2[0-3]):([0-5]\d)$/;
const dayMs = 86_400_000;

/** True for a real calendar date written as YYYY-MM-DD (no 2027-02-30). */
export function isCalendarDate(value: string): boolean {
  const m = datePattern.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

/** True for a 24-hour clock time written as HH:MM. */
export function isClockTime(value: string): boolean {
  return timePattern.test(value);
}

/** Minutes after midnight of "HH:MM". */
export function clockMinutes(value: string): number {
  const [h, m] = value.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/** Days since 1970-01-01 of a YYYY-MM-DD date (date arithmetic without time zones). */
export function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / dayMs;
}

/** The YYYY-MM-DD date of a day number. */
export function dateOfDay(day: number): string {
  return new Date(day * dayMs).toISOString().slice(0, 10);
}

/** The weekday of a YYYY-MM-DD date. */
export function weekdayOf(date: string): Weekday {
  // 1970-01-01 was a Thursday (index 3 from Monday).
  return weekdayNames[(((dayNumber(date) + 3) % 7) + 7) % 7]!;
}

const offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: siteTimeZone, timeZoneName: 'longOffset' });

/** Copenhagen's offset from UTC at `instant`, in minutes (60 in winter, 120 in summer). */
export function copenhagenOffsetMinutes(instant: Date): number {
  const name = offsetFormat.formatToParts(instant).find((p) => p.type === 'timeZoneName')!.value; // "GMT+02:00"
  const m = /([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/** The instant when Copenhagen's clocks show `time` on `date`. */
export function copenhagenInstant(date: string, time: string): Date {
  const wall = dayNumber(date) * dayMs + clockMinutes(time) * 60_000;
  // The offset at the wall time read as UTC is right except within two hours of a switch: check once more.
  let offset = copenhagenOffsetMinutes(new Date(wall));
  offset = copenhagenOffsetMinutes(new Date(wall - offset * 60_000));
  return new Date(wall - offset * 60_000);
}

/** The Copenhagen calendar date (YYYY-MM-DD) of an instant. */
export function copenhagenDate(instant: Date): string {
  return new Date(instant.getTime() + copenhagenOffsetMinutes(instant) * 60_000).toISOString().slice(0, 10);
}

/** The Monday (YYYY-MM-DD) of the week that holds `date`. */
export function mondayOf(date: string): string {
  return dateOfDay(dayNumber(date) - weekdayNames.indexOf(weekdayOf(date)));
}
