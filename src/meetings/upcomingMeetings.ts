/**
 * Which meetings to show, and in what order. The build keeps the ones that have not ended;
 * in the browser, src/browser/meetingClock.ts hides the ones that end after the build.
 */
import type { Meeting } from '#src/meetings/meetingSchema.ts';

export interface MeetingEntry {
  /** File name without .yaml. */
  id: string;
  data: Meeting;
}

export const meetingStart = (m: MeetingEntry) => new Date(m.data.start);
export const meetingEnd = (m: MeetingEntry) => new Date(m.data.end);

/** Meetings that have not ended at `now`, soonest first. Cancelled ones stay unless `skipCancelled`. */
export function upcomingMeetings<M extends MeetingEntry>(meetings: readonly M[], now: Date, { skipCancelled = false } = {}): M[] {
  const after = now.getTime();
  // Each start parsed once, not twice in every comparison of the sort.
  return meetings
    .filter((m) => meetingEnd(m).getTime() > after && !(skipCancelled && m.data.cancelled))
    .map((m) => ({ m, start: meetingStart(m).getTime() }))
    .sort((a, b) => a.start - b.start || a.m.id.localeCompare(b.m.id))
    .map(({ m }) => m);
}
