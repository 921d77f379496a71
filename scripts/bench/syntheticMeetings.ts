/**
 * Synthetic information meetings for the build-scaling benchmark. They are made from a REAL
 * meeting file (content/meetings/*.yaml) as the template, so they follow whatever the meeting
 * schema is today: only the start and end move (one meeting per day, same local time of day and
 * length, with Copenhagen's offset for that day, as the schema demands). They are written into a
 * throw-away copy of the project, never into content/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
// The schema's own offset: a synthetic meeting is accepted exactly when a real one would be.
import { copenhagenOffset } from '#src/meetings/meetingSchema.ts';

/** "2030-01-07T17:00:00+01:00" for a wall-clock time in Copenhagen (`clock` is "17:00:00"). */
export function localTime(day: string, clock: string): string {
  const guess = new Date(`${day}T${clock}Z`);
  return `${day}T${clock}${copenhagenOffset(guess)}`;
}

/** The ISO time `ms` after `iso`, written as Copenhagen wall-clock time with its offset. */
function later(iso: string, ms: number): string {
  const at = new Date(new Date(iso).getTime() + ms);
  const offset = copenhagenOffset(at);
  const sign = offset.startsWith('-') ? -1 : 1;
  const [h = 0, m = 0] = offset.slice(1).split(':').map(Number);
  const wall = new Date(at.getTime() + sign * (h * 60 + m) * 60_000).toISOString().slice(0, 19);
  return `${wall}${offset}`;
}

/**
 * Picks the template in `meetingsDir` (content/meetings): the first meeting file (by name) that
 * is not cancelled.
 */
export function readMeetingTemplate(meetingsDir: string): { file: string; data: Record<string, unknown> } | null {
  if (!fs.existsSync(meetingsDir)) return null;
  const files = fs
    .readdirSync(meetingsDir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
  let fallback: { file: string; data: Record<string, unknown> } | null = null;
  for (const file of files) {
    const data: unknown = parse(fs.readFileSync(path.join(meetingsDir, file), 'utf8'));
    if (!isRecord(data)) continue;
    if (!data.cancelled) return { file, data };
    fallback ??= { file, data };
  }
  return fallback;
}

/**
 * Meeting documents made from `template`: the n-th is on `firstDay` + n days, same time of day
 * and length as the template (a parsed meeting file with `start` and `end`), not cancelled.
 * `firstDay` (YYYY-MM-DD) is far enough ahead that no meeting is in the past.
 */
export function syntheticMeetings(
  template: Record<string, unknown>,
  count: number,
  firstDay = '2030-01-07',
): { id: string; yaml: string }[] {
  const start = String(template.start);
  const end = String(template.end);
  const clock = /T(\d{2}:\d{2}(?::\d{2})?)/.exec(start)?.[1];
  const length = new Date(end).getTime() - new Date(start).getTime();
  if (!clock || !(length > 0)) throw new Error(`the template meeting has no usable start/end (${start} – ${end})`);
  const base = new Date(`${firstDay}T12:00:00Z`).getTime();
  return Array.from({ length: count }, (_, i) => {
    const day = new Date(base + i * 86_400_000).toISOString().slice(0, 10);
    const meetingStart = localTime(day, clock.length === 5 ? `${clock}:00` : clock);
    const data = { ...template, start: meetingStart, end: later(meetingStart, length) };
    if ('cancelled' in data) data.cancelled = false;
    return { id: `${day}-bench-${String(i + 1).padStart(4, '0')}`, yaml: stringify(data) };
  });
}

/** Whether a parsed YAML file has fields to read (an empty file or a bare value has none). */
function isRecord(data: unknown): data is Record<string, unknown> {
  return Boolean(data) && typeof data === 'object';
}
