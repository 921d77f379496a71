/**
 * Information meetings, weekly sessions and one-off events as one list of dated items, in
 * date order: what the calendar page, the home page's week and each activity page show.
 */
import type { LocalizedText } from '#src/i18n/localizedText.ts';
import type { MeetingEntry } from '#src/meetings/upcomingMeetings.ts';
import { t } from '#src/i18n/translate.ts';
import type { Lang } from '#src/i18n/locales.ts';
import type { Practicals } from '#src/meetings/meetingDetails.ts';
import { textFor } from '#src/i18n/localizedText.ts';
import { copenhagenDate, copenhagenInstant, dateOfDay, dayNumber, mondayOf } from './copenhagenTime.ts';
import type { Session } from './sessionSchema.ts';
import type { LocalEvent } from './eventSchema.ts';
import { sessionOccurrences } from './sessionOccurrences.ts';

export interface SessionEntry {
  /** File name without .yaml. */
  id: string;
  data: Session;
}

export interface EventEntry {
  /** File name without .yaml. */
  id: string;
  data: LocalEvent;
}

export interface CalendarItem {
  kind: 'meeting' | 'session' | 'event';
  /** Unique in a list: kind, file and date. */
  key: string;
  /** The content file's id. */
  id: string;
  /** The Copenhagen date, YYYY-MM-DD. */
  date: string;
  start: Date;
  end: Date;
  /** The title per language (a meeting without one is "Information meeting"). */
  title?: LocalizedText | undefined;
  /** Its page below /<lang>/. */
  path: string;
  /** The venue's id. */
  venue: string;
  practicals: Practicals;
  cancelled: boolean;
  /** Why this date is cancelled, when staff said. */
  reason?: LocalizedText | undefined;
  /** The activity it belongs to (sessions always, events sometimes). */
  activity?: string | undefined;
}

export interface CalendarContent {
  meetings: readonly MeetingEntry[];
  sessions: readonly SessionEntry[];
  events: readonly EventEntry[];
}

/** Everything on the Copenhagen dates `fromDate` to `toDate` (both included), in date order. */
export function calendarItems({ meetings, sessions, events }: CalendarContent, fromDate: string, toDate: string): CalendarItem[] {
  const items: CalendarItem[] = [];
  for (const { id, data } of meetings) {
    const start = new Date(data.start);
    const date = copenhagenDate(start);
    if (date < fromDate || date > toDate) continue;
    items.push({
      kind: 'meeting',
      key: `meeting-${id}`,
      id,
      date,
      start,
      end: new Date(data.end),
      title: data.title,
      path: `meetings/${id}/`,
      venue: data.venue,
      practicals: data,
      cancelled: data.cancelled,
    });
  }
  for (const { id, data } of sessions) {
    for (const o of sessionOccurrences(data, fromDate, toDate)) {
      items.push({
        kind: 'session',
        key: `session-${id}-${o.date}`,
        id,
        date: o.date,
        start: o.start,
        end: o.end,
        title: data.title,
        path: `activities/${data.activity}/`,
        venue: data.venue,
        practicals: data,
        cancelled: o.cancelled,
        reason: o.reason,
        activity: data.activity,
      });
    }
  }
  for (const { id, data } of events) {
    if (data.date < fromDate || data.date > toDate) continue;
    items.push({
      kind: 'event',
      key: `event-${id}`,
      id,
      date: data.date,
      start: copenhagenInstant(data.date, data.start),
      end: copenhagenInstant(data.date, data.end),
      title: data.title,
      path: data.activity ? `activities/${data.activity}/` : 'calendar/',
      venue: data.venue,
      practicals: data,
      cancelled: data.cancelled,
      activity: data.activity,
    });
  }
  return items.sort((a, b) => a.start.getTime() - b.start.getTime() || a.key.localeCompare(b.key));
}

/** The item's title in her language (or the Danish one, with the language it is in). */
export function itemTitle(item: CalendarItem, lang: Lang): { text: string; lang: Lang } {
  if (item.kind === 'meeting') return { text: item.title?.[lang] ?? t(lang, 'meetings.defaultTitle'), lang };
  return textFor(item.title, lang) ?? { text: t(lang, 'meetings.defaultTitle'), lang };
}

/** The Mondays (YYYY-MM-DD) of the week holding `now` and the `count` - 1 weeks after it. */
export function weekMondays(now: Date, count: number): string[] {
  const first = dayNumber(mondayOf(copenhagenDate(now)));
  return Array.from({ length: count }, (_, i) => dateOfDay(first + 7 * i));
}
