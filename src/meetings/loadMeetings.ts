/** Meetings and venues from the content collections, for pages (build time only). */
import { getCollection } from 'astro:content';
import type { Venue } from '#src/collections/venueSchema.ts';
import { upcomingMeetings, type MeetingEntry } from './upcomingMeetings.ts';

export interface MeetingData {
  /** Every meeting in content/meetings/, soonest first (pages exist for all of them). */
  all: MeetingEntry[];
  /** The ones that had not ended when the site was built. */
  upcoming: MeetingEntry[];
  /** Venues by id. */
  venues: Map<string, Venue>;
}

/** The build's clock decides what "upcoming" means in the HTML (not cached: the dev server reloads content). */
export async function loadMeetings(): Promise<MeetingData> {
  const [meetings, venues] = await Promise.all([getCollection('meetings'), getCollection('venues')]);
  return {
    all: upcomingMeetings(meetings, new Date(0)),
    upcoming: upcomingMeetings(meetings, new Date()),
    venues: new Map(venues.map((v) => [v.id, v.data])),
  };
}
