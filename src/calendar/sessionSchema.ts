/**
 * The schema of `content/sessions/<id>.yaml`: one repeating session of an activity (the
 * women's group every Tuesday 10–12). Plain fields, never RRULE text: the calendar files
 * turn them into one VEVENT with RRULE and EXDATE (src/calendar/calendarIcs.ts).
 */
import { z } from 'astro/zod';
import { localizedText } from '#src/i18n/localizedText.ts';
import { weekdayNames, weekdayOf, type Weekday } from './copenhagenTime.ts';
import { calendarDate, clockTime, knownId, practicalFields, timeOrderProblem, unknownFieldsError } from './practicalFields.ts';
import { isSessionDate } from './sessionOccurrences.ts';

const weekday = z.enum(weekdayNames, {
  error: (iss) => `unknown weekday "${String(iss.input)}" (write one of: ${weekdayNames.join(', ')})`,
});

/** A date left out of the series, with why (shown on the page when given). */
export const datedException = z.strictObject({
  /** The date, YYYY-MM-DD; it must be one of the series' days. */
  date: calendarDate,
  /** Why, per language (e.g. "Christmas holiday"); Danish required when given. */
  reason: localizedText('reason').optional(),
});

const fields = [
  'activity',
  'title',
  'venue',
  'start',
  'end',
  'weekdays',
  'everyWeeks',
  'from',
  'until',
  'skip',
  'cancelledDates',
  'cancelled',
  ...Object.keys(practicalFields),
];

export interface SessionSchemaContext {
  /** Files in content/venues/ (without .yaml). */
  venueIds: ReadonlySet<string>;
  /** The activities (slugs of content/activities/da/*.mdx). */
  activityIds: ReadonlySet<string>;
}

/** The session schema, checked against the venues and activities that exist. */
export function sessionSchema({ venueIds, activityIds }: SessionSchemaContext) {
  return z
    .strictObject(
      {
        /** The activity it belongs to: a file name in content/activities/da/ (without .mdx). */
        activity: knownId('activity', 'content/activities/da/', activityIds),
        /** Its name per language, e.g. "Kvindegruppe"; Danish required. */
        title: localizedText('title'),
        /** Where: the id of a venue, content/venues/<id>.yaml. */
        venue: knownId('venue', 'content/venues/', venueIds),
        /** When it starts, Copenhagen clock time, in quotes: "10:00". */
        start: clockTime,
        /** When it ends, the same day: "12:00". */
        end: clockTime,
        /** The day(s) of the week: monday … sunday. */
        weekdays: z.array(weekday, { error: 'must be a list of weekdays, e.g. [tuesday]' }).min(1, { error: 'needs at least one weekday' }),
        /** 1 = every week, 2 = every other week, counted from the first session. */
        everyWeeks: z.number({ error: 'must be a whole number: 1 = every week, 2 = every other week' }).int().min(1).max(8).default(1),
        /** The first day the series can take place. */
        from: calendarDate,
        /** The last day (leave out while it simply goes on). */
        until: calendarDate.optional(),
        /** Days it does not take place (holidays); they are left out of the page and the calendar files. */
        skip: z.array(datedException, { error: 'must be a list of "- date: 2027-12-22"' }).default([]),
        /** Days it was meant to happen but is cancelled: shown marked "cancelled". */
        cancelledDates: z.array(datedException, { error: 'must be a list of "- date: 2027-12-22"' }).default([]),
        /** The whole series is cancelled: every coming date is shown marked "cancelled". */
        cancelled: z.boolean({ error: 'must be true or false' }).default(false),
        ...practicalFields,
      },
      { error: unknownFieldsError(fields) },
    )
    .superRefine((s, ctx) => {
      for (const problem of sessionProblems(s)) ctx.addIssue({ code: 'custom', ...problem });
    });
}

export type Session = z.infer<ReturnType<typeof sessionSchema>>;

/** The cross-field problems of a session (each field on its own already checked), with the field they belong to. */
export function sessionProblems(s: Omit<Session, 'title' | 'activity' | 'venue'>): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  const order = timeOrderProblem(s.start, s.end);
  if (order) problems.push({ path: ['end'], message: `the session ${order}` });
  if (s.until && s.until < s.from)
    problems.push({ path: ['until'], message: `the series ends (${s.until}) before it begins (from ${s.from})` });
  const days: readonly Weekday[] = s.weekdays;
  if (problems.length) return problems;
  for (const key of ['skip', 'cancelledDates'] as const) {
    s[key].forEach((entry, i) => {
      const day = weekdayOf(entry.date);
      if (!days.includes(day)) {
        problems.push({ path: [key, i, 'date'], message: `${entry.date} is a ${day}, but the series is on ${days.join(' and ')}` });
      } else if (!isSessionDate(s, entry.date)) {
        const range = `from ${s.from}${s.until ? ` until ${s.until}` : ''}, every ${s.everyWeeks} week(s)`;
        problems.push({ path: [key, i, 'date'], message: `${entry.date} is not one of the series' dates (${range})` });
      }
    });
  }
  return problems;
}
