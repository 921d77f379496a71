/**
 * Meeting dates and times in the reader's language: always the Gregorian calendar and
 * Copenhagen time (formatDate/intlLocale force `-u-ca-gregory`: plain `fa` would say 12 Azar
 * 1405 for 3 December 2026).
 */
import { formatDate, timeFormat } from '#src/i18n/translate.ts';
import type { Lang } from '#src/i18n/locales.ts';

/** "torsdag den 14. januar 2027" · "الخميس، 14 يناير 2027" · "پنجشنبه ۱۴ ژانویهٔ ۲۰۲۷" */
export function formatMeetingDate(start: Date, lang: Lang): string {
  return formatDate(start, lang, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
}

/** "14. jan." for small spaces (cards on the home page). */
export function formatMeetingDay(start: Date, lang: Lang): { day: string; month: string; weekday: string } {
  return {
    day: formatDate(start, lang, { day: 'numeric' }),
    month: formatDate(start, lang, { month: 'short' }),
    weekday: formatDate(start, lang, { weekday: 'long' }),
  };
}

/** "17.00–19.00" (da) · "17:00–19:00" (ar) · "۱۷:۰۰ تا ۱۹:۰۰" (fa): the language's own range style. */
export function formatMeetingTimes(start: Date, end: Date, lang: Lang): string {
  const key = `${lang} ${start.getTime()} ${end.getTime()}`;
  let text = meetingTimes.get(key);
  if (text === undefined) {
    // A bound, for a long-running dev server; a build formats far fewer.
    if (meetingTimes.size >= 20_000) meetingTimes.clear();
    meetingTimes.set(key, (text = timeFormat(lang).formatRange(start, end)));
  }
  return text;
}

// formatRange is one of the slower Intl calls, and a build formats each meeting's times in each language on
// its page, in the list, the calendar and the flyers: once each is enough.
const meetingTimes = new Map<string, string>();
