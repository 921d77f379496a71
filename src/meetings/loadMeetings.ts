/** Meetings and venues from the content collections, for pages (build time only). */
import { getCollection } from 'astro:content';
import type { Venue } from '#src/meetings/venueSchema.ts';
import { upcomingMeetings, type MeetingEntry } from './upcomingMeetings.ts';

export interface MeetingData {
  /** Every meeting in content/meetings/, soonest first (pages exist for all of them). */
  all: MeetingEntry[];
  /** The ones that had not ended when the site was built. */
  upcoming: MeetingEntry[];
  /** Venues by id. */
  venues: Map<string, Venue>;
}

// Every meeting page and every meeting's .ics asks for this: worked out again each time, a build with
// N meetings sorted all N meetings twice for each of its 14 × N files, so the build grew with N².
// A build's content does not change while it runs, so a build works it out once (its "now" is when
// the build first asked); the dev server reloads content, so there it is done on every call.
let built: Promise<MeetingData> | undefined;

/** The build's clock decides what "upcoming" means in the HTML. */
export function loadMeetings(): Promise<MeetingData> {
  if (!import.meta.env.PROD) return readMeetings();
  built ??= readMeetings();
  return built;
}

async function readMeetings(): Promise<MeetingData> {
  const [meetings, venues] = await Promise.all([getCollection('meetings'), getCollection('venues')]);
  const all = upcomingMeetings(meetings, new Date(0));
  return {
    all,
    // `all` is already in order: the coming ones are the same filter over it.
    upcoming: upcomingMeetings(all, new Date()),
    venues: new Map(venues.map((v) => [v.id, v.data])),
  };
}
