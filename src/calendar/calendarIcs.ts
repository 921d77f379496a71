/**
 * iCalendar files (RFC 5545) through ical-generator, with the VTIMEZONE for Europe/Copenhagen
 * from @touch4it/ical-timezones. Every time is written as Copenhagen wall time with TZID, so a
 * weekly series is ONE VEVENT (RRULE + EXDATE) that a phone shows at 10:00 in winter and summer.
 * Luxon carries the zone: ical-generator would otherwise read a JS Date in the build machine's zone.
 */
import { ICalCalendarMethod, ICalEventRepeatingFreq, ICalEventStatus, ICalWeekday, default as ical } from 'ical-generator';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { DateTime } from 'luxon';
import { siteTimeZone } from '#src/i18n/siteTimeZone.ts';
import type { Weekday } from './copenhagenTime.ts';

/** A weekly rule in plain fields (see sessionSchema). */
export interface IcsRepeat {
  weekdays: readonly Weekday[];
  everyWeeks: number;
  /** The start of the last session (inclusive); none while the series goes on. */
  until?: Date | undefined;
  /** Starts of the sessions that do not take place (skipped or cancelled). */
  exclude: readonly Date[];
}

export interface IcsEvent {
  /** Globally unique and stable across builds and languages, e.g. `<meeting id>@<site host>`. */
  uid: string;
  /** The (first) start and end. */
  start: Date;
  end: Date;
  summary: string;
  description?: string;
  location?: string;
  geo?: { lat: number; lon: number };
  url?: string;
  cancelled?: boolean;
  /** Makes the event a weekly series. */
  repeat?: IcsRepeat;
}

export interface IcsCalendarOptions {
  /** Identifies the program that made the file (RFC 5545 3.7.3), e.g. "-//Åben Dør//calendar//DA". */
  prodId: string;
  /** When this file was made (DTSTAMP of every event). */
  dtstamp: Date;
  /** Calendar name shown by apps that subscribe to a feed. */
  name?: string;
  /** How often subscribing apps should fetch again, in seconds. */
  refreshSeconds?: number;
}

const byDay: Record<Weekday, ICalWeekday> = {
  monday: ICalWeekday.MO,
  tuesday: ICalWeekday.TU,
  wednesday: ICalWeekday.WE,
  thursday: ICalWeekday.TH,
  friday: ICalWeekday.FR,
  saturday: ICalWeekday.SA,
  sunday: ICalWeekday.SU,
};

// getVtimezoneComponent reads the zone's file from disk on every call, and a build makes a calendar file
// for every meeting in every language: read once per zone.
const vtimezones = new Map<string, string | null>();
function vtimezone(zone: string): string | null {
  if (!vtimezones.has(zone)) vtimezones.set(zone, getVtimezoneComponent(zone));
  return vtimezones.get(zone) ?? null;
}

const local = (date: Date) => DateTime.fromJSDate(date, { zone: siteTimeZone });

/** Escapes a TEXT value (RFC 5545 3.3.11) for the calendar name, which ical-generator writes as it is. */
function escapeText(text: string): string {
  return text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n|\r/g, '\\n');
}

/** A whole VCALENDAR with `events`, ready to serve as text/calendar (CRLF, folded at 75 octets). */
export function icsCalendar(events: readonly IcsEvent[], opts: IcsCalendarOptions): string {
  const calendar = ical({
    prodId: opts.prodId.replace(/^-/, ''),
    method: ICalCalendarMethod.PUBLISH,
    scale: 'GREGORIAN',
    ...(opts.name ? { name: escapeText(opts.name) } : {}),
    ...(opts.refreshSeconds ? { ttl: opts.refreshSeconds } : {}),
  });
  // No calendar-wide zone name: UNTIL and DTSTAMP then stay in UTC, as RFC 5545 asks when DTSTART has a TZID.
  calendar.timezone({ name: '', generator: vtimezone });
  for (const event of events) {
    calendar.createEvent({
      id: event.uid,
      stamp: DateTime.fromJSDate(opts.dtstamp, { zone: 'utc' }),
      timezone: siteTimeZone,
      start: local(event.start),
      end: local(event.end),
      // A cancelled event is a changed event: a higher SEQUENCE makes apps take the update.
      sequence: event.cancelled ? 1 : 0,
      status: event.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      summary: event.summary,
      description: event.description ?? null,
      location: event.location ? { title: event.location, ...(event.geo ? { geo: event.geo } : {}) } : null,
      url: event.url ?? null,
      repeating: event.repeat
        ? {
            freq: ICalEventRepeatingFreq.WEEKLY,
            interval: event.repeat.everyWeeks > 1 ? event.repeat.everyWeeks : undefined,
            byDay: event.repeat.weekdays.map((d) => byDay[d]),
            startOfWeek: ICalWeekday.MO,
            until: event.repeat.until ? DateTime.fromJSDate(event.repeat.until, { zone: 'utc' }) : undefined,
            exclude: event.repeat.exclude.length ? event.repeat.exclude.map(local) : undefined,
          }
        : null,
    });
  }
  return calendar.toString() + '\r\n';
}
