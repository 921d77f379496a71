/**
 * The family page's "who can come": for each coming meeting, event and weekly group, whether it
 * is for women only and whether children are looked after, read from its own fields (never from
 * prose), so the page promises childcare only where the programme gives it.
 */
import type { CalendarContent } from './calendarItems.ts';
import { copenhagenDate } from './copenhagenTime.ts';
import { sessionDays } from './sessionText.ts';
import type { Lang } from '#src/i18n/locales.ts';
import { textFor } from '#src/i18n/localizedText.ts';
import { formatDate } from '#src/i18n/translate.ts';
import { meetingTitle } from '#src/meetings/meetingDetails.ts';

/** One line of "who can come". */
export interface WhoCanComeRow {
  /** Where it comes from, and its id: "meeting:2027-01-14-…". */
  key: string;
  /** Its title in her language (or Danish). */
  title: string;
  /** Its date, or its weekly rhythm, in her language and digits. */
  when: string;
  /** Only women come; otherwise the family is welcome too. */
  womenOnly: boolean;
  /** Children are looked after while she takes part. */
  childcare: boolean;
}

/** How many coming information meetings the page lists: the next few, not a year of them. */
const meetingCount = 3;

/** The rows for `lang`, from content that has not ended by `now` (cancelled ones left out). */
export function whoCanCome({ meetings, events, sessions }: CalendarContent, lang: Lang, now: Date): WhoCanComeRow[] {
  const today = copenhagenDate(now);
  const day = (date: Date) => formatDate(date, lang, { weekday: 'long', day: 'numeric', month: 'long' });
  const rows: WhoCanComeRow[] = [];
  const coming = meetings.filter((m) => !m.data.cancelled && new Date(m.data.end) > now).slice(0, meetingCount);
  for (const { id, data } of coming) {
    rows.push({
      key: `meeting:${id}`,
      title: meetingTitle(data, lang),
      when: day(new Date(data.start)),
      womenOnly: data.womenOnly,
      childcare: data.childcare,
    });
  }
  for (const { id, data } of events) {
    if (data.cancelled || data.date < today) continue;
    const when = day(new Date(`${data.date}T12:00:00Z`));
    rows.push({ key: `event:${id}`, title: textFor(data.title, lang).text, when, womenOnly: data.womenOnly, childcare: data.childcare });
  }
  for (const { id, data } of sessions) {
    if (data.until && data.until < today) continue;
    rows.push({
      key: `session:${id}`,
      title: textFor(data.title, lang).text,
      when: sessionDays(data, lang),
      womenOnly: data.womenOnly,
      childcare: data.childcare,
    });
  }
  return rows;
}
