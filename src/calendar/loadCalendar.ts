/** Meetings, sessions, events and venues from the content collections, for pages (build time only). */
import { getCollection } from 'astro:content';
import type { Venue } from '#src/meetings/venueSchema.ts';
import { upcomingMeetings } from '#src/meetings/upcomingMeetings.ts';
import type { CalendarContent } from './calendarItems.ts';

export interface CalendarData extends CalendarContent {
  /** Venues by id. */
  venues: Map<string, Venue>;
}

/** Everything the calendar shows (not cached: the dev server reloads content). */
export async function loadCalendar(): Promise<CalendarData> {
  const [meetings, sessions, events, venues] = await Promise.all([
    getCollection('meetings'),
    getCollection('sessions'),
    getCollection('events'),
    getCollection('venues'),
  ]);
  return {
    meetings: upcomingMeetings(meetings, new Date(0)),
    sessions: sessions.map(({ id, data }) => ({ id, data })),
    events: events.map(({ id, data }) => ({ id, data })),
    venues: new Map(venues.map((v) => [v.id, v.data])),
  };
}
