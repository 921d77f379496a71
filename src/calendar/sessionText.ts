/**
 * A session's rhythm in words, in her language: "Hver tirsdag 10.00–12.00",
 * "Every other Thursday 16:30–19:00", "أيام الاثنين والأربعاء ٠٩:٠٠–١٠:٠٠".
 */
import { getLocale, type Lang } from '#src/i18n/locales.ts';
import { formatDate, t } from '#src/i18n/translate.ts';
import { formatMeetingTimes } from '#src/meetings/formatMeetingDate.ts';
import { copenhagenInstant, dateOfDay, dayNumber, mondayOf, weekdayNames, type Weekday } from './copenhagenTime.ts';
import { firstSessionDate, type SessionFields } from './sessionOccurrences.ts';

/** The weekday's name in her language (Gregorian, from Intl: one source for the names). */
export function weekdayName(day: Weekday, lang: Lang): string {
  // 2027-03-01 is a Monday; any week works, noon keeps it clear of midnight in every zone.
  const date = dateOfDay(dayNumber(mondayOf('2027-03-01')) + weekdayNames.indexOf(day));
  return formatDate(new Date(`${date}T12:00:00Z`), lang, { weekday: 'long' });
}

/** "every Tuesday" / "every other Thursday" / "every 3 weeks on Monday", in her language. */
export function sessionDays(s: SessionFields, lang: Lang): string {
  const days = new Intl.ListFormat(getLocale(lang).intl, { type: 'conjunction' }).format(s.weekdays.map((d) => weekdayName(d, lang)));
  if (s.everyWeeks === 1) return t(lang, 'calendar.everyWeek', { days });
  if (s.everyWeeks === 2) return t(lang, 'calendar.everyOtherWeek', { days });
  return t(lang, 'calendar.everyNWeeks', { days, count: s.everyWeeks });
}

/** The clock times of a session, in her language's own range style ("10.00–12.00"). */
export function sessionTimes(s: SessionFields, lang: Lang): string {
  const first = firstSessionDate(s);
  return formatMeetingTimes(copenhagenInstant(first, s.start), copenhagenInstant(first, s.end), lang);
}

/**
 * 'ltr' when a time range is digits only ("10:00–12:00" in Arabic): isolated left to right it
 * cannot flip to "12:00–10:00"; a range with words of its own ("۱۰:۰۰ تا ۱۲:۰۰") keeps its direction.
 */
export function isolatedTimeDir(time: string): 'ltr' | undefined {
  return /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/.test(time) ? undefined : 'ltr';
}
