/**
 * The calendar files of the whole calendar (`/<lang>/calendar.ics`) and of one activity
 * (`/<lang>/activities/<slug>.ics`): information meetings, weekly sessions (one VEVENT each,
 * RRULE + EXDATE) and one-off events, with their texts in the file's language.
 */
import type { Lang } from '#src/i18n/locales.ts';
import { localizedUrl } from '#src/i18n/localizedUrl.ts';
import { t } from '#src/i18n/translate.ts';
import type { Venue } from '#src/meetings/venueSchema.ts';
import { formatPhone } from '#src/site/contactLinks.ts';
import { textFor } from '#src/i18n/localizedText.ts';
import { icsTexts, meetingIcsEvent, type IcsSite } from '#src/calendar/meetingsIcs.ts';
import { upcomingMeetings } from '#src/meetings/upcomingMeetings.ts';
import { icsCalendar, type IcsEvent } from './calendarIcs.ts';
import type { CalendarContent, EventEntry, SessionEntry } from './calendarItems.ts';
import type { Practicals } from '#src/meetings/meetingDetails.ts';
import { copenhagenDate, copenhagenInstant } from './copenhagenTime.ts';
import { firstSessionDate } from './sessionOccurrences.ts';
import type { LocalizedText } from '#src/i18n/localizedText.ts';

interface Described {
  title: LocalizedText;
  notes?: LocalizedText | undefined;
  cancelled: boolean;
}

function venueOf(venues: ReadonlyMap<string, Venue>, id: string, file: string): Venue {
  const venue = venues.get(id);
  if (!venue) throw new Error(`${file}: venue "${id}" not found`);
  return venue;
}

function texts(data: Described & Practicals, venue: Venue, lang: Lang, site: IcsSite, url: string, cancelledNotice?: string) {
  const title = textFor(data.title, lang)!.text;
  return icsTexts(data, { title, notice: cancelledNotice, phone: formatPhone(site.phone) }, venue, lang, url);
}

/** One weekly session as ONE VEVENT: RRULE from its plain fields, EXDATE for skipped and cancelled dates. */
export function sessionIcsEvent({ id, data }: SessionEntry, venue: Venue, lang: Lang, site: IcsSite): IcsEvent {
  const url = new URL(localizedUrl(lang, `activities/${data.activity}/`), site.siteUrl).href;
  const first = firstSessionDate(data);
  const notice = data.cancelled ? t(lang, 'calendar.seriesCancelled') : undefined;
  return {
    uid: `session-${id}@${new URL(site.siteUrl).hostname}`,
    start: copenhagenInstant(first, data.start),
    end: copenhagenInstant(first, data.end),
    ...texts(data, venue, lang, site, url, notice),
    repeat: {
      weekdays: data.weekdays,
      everyWeeks: data.everyWeeks,
      until: data.until ? copenhagenInstant(data.until, data.start) : undefined,
      exclude: [...data.skip, ...data.cancelledDates]
        .map((x) => copenhagenInstant(x.date, data.start))
        .sort((a, b) => a.getTime() - b.getTime()),
    },
  };
}

/** One local event. */
export function eventIcsEvent({ id, data }: EventEntry, venue: Venue, lang: Lang, site: IcsSite): IcsEvent {
  const url = new URL(localizedUrl(lang, data.activity ? `activities/${data.activity}/` : 'calendar/'), site.siteUrl).href;
  return {
    uid: `event-${id}@${new URL(site.siteUrl).hostname}`,
    start: copenhagenInstant(data.date, data.start),
    end: copenhagenInstant(data.date, data.end),
    ...texts(data, venue, lang, site, url, data.cancelled ? t(lang, 'calendar.eventCancelled') : undefined),
  };
}

/**
 * A calendar file with what has not ended at `now`: meetings, sessions, events. `name` makes it a
 * feed that subscribed phones fetch again twice a day.
 */
export function calendarFeed(
  content: CalendarContent,
  venues: ReadonlyMap<string, Venue>,
  lang: Lang,
  site: IcsSite,
  now: Date,
  { name, kind = 'calendar' }: { name?: string; kind?: string } = {},
): string {
  const today = copenhagenDate(now);
  const events: IcsEvent[] = [
    ...upcomingMeetings(content.meetings, now).map((m) =>
      meetingIcsEvent(m, venueOf(venues, m.data.venue, `meetings/${m.id}`), lang, site),
    ),
    ...content.sessions
      .filter((s) => !s.data.until || s.data.until >= today)
      .map((s) => sessionIcsEvent(s, venueOf(venues, s.data.venue, `sessions/${s.id}`), lang, site)),
    ...content.events
      .filter((e) => copenhagenInstant(e.data.date, e.data.end).getTime() > now.getTime())
      .map((e) => eventIcsEvent(e, venueOf(venues, e.data.venue, `events/${e.id}`), lang, site)),
  ];
  return icsCalendar(
    events.sort((a, b) => a.start.getTime() - b.start.getTime() || a.uid.localeCompare(b.uid)),
    { prodId: `-//${site.name}//${kind}//${lang.toUpperCase()}`, dtstamp: now, ...(name ? { name, refreshSeconds: 12 * 3600 } : {}) },
  );
}
