/**
 * Which meetings to show, and in what order. The build keeps the ones that have not ended;
 * in the browser, src/scripts/meetingClock.ts hides the ones that end after the build.
 */
import type { Meeting } from '#src/collections/meetingSchema.ts';

export interface MeetingEntry {
  /** File name without .yaml. */
  id: string;
  data: Meeting;
}

export const meetingStart = (m: MeetingEntry) => new Date(m.data.start);
export const meetingEnd = (m: MeetingEntry) => new Date(m.data.end);

/** Meetings that have not ended at `now`, soonest first. Cancelled ones stay unless `skipCancelled`. */
export function upcomingMeetings<M extends MeetingEntry>(meetings: readonly M[], now: Date, { skipCancelled = false } = {}): M[] {
  return meetings
    .filter((m) => meetingEnd(m).getTime() > now.getTime() && !(skipCancelled && m.data.cancelled))
    .sort((a, b) => meetingStart(a).getTime() - meetingStart(b).getTime() || a.id.localeCompare(b.id));
}
