/**
 * The schema of `content/meetings/<id>.yaml`: one information meeting.
 * Source of truth for the content collection, `npm run meeting:new` and the staff CMS.
 * Times stay ISO 8601 strings with their offset (see parseMeetingTime) so the file says
 * exactly what staff wrote; pages turn them into Dates.
 */
import { z } from 'astro/zod';
import { localizedText } from '#src/i18n/localizedText.ts';
import { interpreterLanguage } from './interpreterLanguage.ts';
import { siteTimeZone } from '#src/i18n/siteTimeZone.ts';
import { voiceClips } from '#src/voice/voiceClipSchema.ts';

/** ISO 8601 date and time WITH an offset or Z: 2026-12-03T17:00:00+01:00 or 2026-12-03T16:00:00Z. */
const isoWithOffset = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const isoWithoutOffset = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/** The longest a meeting may last before we suspect a typo in the date. */
const maxHours = 12;

// Made once: a formatter is costly to create, and a build checks every meeting time with it.
const offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: siteTimeZone, timeZoneName: 'longOffset' });

/** The UTC offset Copenhagen uses at `date`, as "+01:00" (winter) or "+02:00" (summer). */
export function copenhagenOffset(date: Date): string {
  const name = offsetFormat.formatToParts(date).find((p) => p.type === 'timeZoneName')!.value; // "GMT+01:00"
  return name === 'GMT' ? '+00:00' : name.replace('GMT', '');
}

/** Which time Copenhagen keeps at an offset, for messages. */
const season = (offset: string) => (offset === '+02:00' ? 'summer time' : 'winter time');

/** Why `value` is not a usable meeting time, or undefined when it is. */
export function meetingTimeProblem(value: string): string | undefined {
  const m = isoWithOffset.exec(value);
  if (!m) {
    if (isoWithoutOffset.test(value.trim())) {
      const local = value.trim().replace(' ', 'T');
      const offset = copenhagenOffset(new Date(`${local}Z`));
      return `"${value}" has no time zone: add Copenhagen's offset, "${local}${offset}" (${season(offset)})`;
    }
    return `"${value}" is not a date and time like "2026-12-03T17:00:00+01:00"`;
  }
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const offset = m[7]!;
  const date = new Date(value);
  // Date() rolls 2026-02-30 over to March: compare the fields to catch impossible dates.
  const local = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  if (Number.isNaN(date.getTime()) || local.getUTCDate() !== d || local.getUTCMonth() !== mo - 1 || h > 23) {
    return `"${value}" is not a real date and time`;
  }
  if (offset !== 'Z' && offset !== copenhagenOffset(date)) {
    const expected = copenhagenOffset(date);
    const fix = `write ${value.slice(0, -6)}${expected}`;
    return `"${value}" has the offset ${offset}, but Copenhagen is at ${expected} on that day (${season(expected)}): ${fix}`;
  }
  return undefined;
}

/** A meeting time: an ISO 8601 string with Copenhagen's offset (or Z for UTC). */
export const meetingTime = z
  .string({
    error: (iss) => (iss.input === undefined ? 'is missing' : 'must be a date and time in quotes, like "2026-12-03T17:00:00+01:00"'),
  })
  .superRefine((value, ctx) => {
    const problem = meetingTimeProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const flag = (what: string) => z.boolean({ error: `must be true or false (${what})` }).default(false);

/** The meeting schema; `venueIds` are the files in content/venues/ (without .yaml). */
export function meetingSchema({ venueIds }: { venueIds: ReadonlySet<string> }) {
  return z
    .strictObject(
      {
        /** When it starts: ISO 8601 with offset, e.g. 2026-12-03T17:00:00+01:00. */
        start: meetingTime,
        /** When it ends, same form; must be after start. */
        end: meetingTime,
        /** The id of a venue: content/venues/<id>.yaml. */
        venue: z.string({ error: 'is missing: the id of a file in content/venues/' }).superRefine((id, ctx) => {
          if (!venueIds.has(id)) {
            const known = [...venueIds].sort().join(', ') || 'none';
            ctx.addIssue({
              code: 'custom',
              message: `unknown venue "${id}": there is no content/venues/${id}.yaml (known venues: ${known})`,
            });
          }
        }),
        /** Languages an interpreter speaks at the meeting (ISO 639-1, e.g. ar, so, ti; fa-AF for Dari). */
        interpreters: z.array(interpreterLanguage, { error: 'must be a list of language codes, e.g. [ar, so]' }).default([]),
        /** Children can come along: there is childcare. */
        childcare: flag('childcare at the meeting'),
        /** Only women at the meeting (staff included). */
        womenOnly: flag('only women'),
        /** The meeting costs nothing. */
        free: flag('no cost'),
        /** She is welcome to bring a friend. */
        bringFriend: flag('bring a friend'),
        /** Optional title per language; Danish is required when a title is given. */
        title: localizedText('title').optional(),
        /** Optional notes per language (what to bring, the entrance…); Danish required when given. */
        notes: localizedText('note').optional(),
        /** The meeting will not take place; it stays listed, marked cancelled, until its time has passed. */
        cancelled: flag('cancelled'),
        /** A voice clip per language about this meeting (files in content/voice/). */
        clips: voiceClips.optional(),
      },
      {
        error: (iss) =>
          iss.code === 'unrecognized_keys'
            ? `unknown field(s) ${iss.keys.map((k) => `"${k}"`).join(', ')}: check the spelling ` +
              '(fields: start, end, venue, interpreters, childcare, womenOnly, free, bringFriend, title, notes, cancelled, clips)'
            : undefined,
      },
    )
    .superRefine((m, ctx) => {
      if (meetingTimeProblem(m.start) || meetingTimeProblem(m.end)) return;
      const ms = new Date(m.end).getTime() - new Date(m.start).getTime();
      if (ms <= 0) {
        ctx.addIssue({ code: 'custom', path: ['end'], message: `the meeting ends (${m.end}) before it starts (${m.start})` });
      } else if (ms > maxHours * 3_600_000) {
        ctx.addIssue({
          code: 'custom',
          path: ['end'],
          message: `the meeting would last more than ${maxHours} hours (${m.start} to ${m.end}): check the dates`,
        });
      }
      const dupes = m.interpreters.filter((code, i) => m.interpreters.indexOf(code) !== i);
      if (dupes.length) ctx.addIssue({ code: 'custom', path: ['interpreters'], message: `lists ${dupes.join(', ')} twice` });
    });
}

export type Meeting = z.infer<ReturnType<typeof meetingSchema>>;
