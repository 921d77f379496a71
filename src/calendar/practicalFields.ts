/**
 * What she may wonder about before she comes, the same fields as an information meeting
 * (src/content/meetingSchema.ts): language help, childcare, women only, free, bring a friend.
 * Shared by weekly sessions and one-off events, plus the plain date and time fields they use.
 */
import { z } from 'astro/zod';
import { interpreterLanguage } from '#src/meetings/interpreterLanguage.ts';
import { localizedText } from '#src/i18n/localizedText.ts';
import { isCalendarDate, isClockTime } from './copenhagenTime.ts';

const flag = (what: string) => z.boolean({ error: `must be true or false (${what})` }).default(false);

/** A date written YYYY-MM-DD, e.g. 2027-03-23. */
export const calendarDate = z
  .string({ error: (iss) => (iss.input === undefined ? 'is missing' : 'must be a date like 2027-03-23') })
  .refine(isCalendarDate, { error: (iss) => `"${String(iss.input)}" is not a real date like 2027-03-23` });

/** A Copenhagen clock time written HH:MM, e.g. "10:00". */
export const clockTime = z
  .string({ error: (iss) => (iss.input === undefined ? 'is missing' : 'must be a time in quotes, like "10:00"') })
  .refine(isClockTime, { error: (iss) => `"${String(iss.input)}" is not a 24-hour time like "10:00" or "17:30"` });

/** An id that must name a file in a folder; `known` are the ids there. */
export function knownId(what: string, folder: string, known: ReadonlySet<string>) {
  return z.string({ error: `is missing: the id of a file in ${folder}` }).superRefine((id, ctx) => {
    if (!known.has(id)) {
      ctx.addIssue({
        code: 'custom',
        message: `unknown ${what} "${id}": there is no ${folder}${id} (known: ${[...known].sort().join(', ') || 'none'})`,
      });
    }
  });
}

export const practicalFields = {
  /** Languages someone helps with (ISO 639-1, e.g. ar, so); "language help" on the page. */
  interpreters: z.array(interpreterLanguage, { error: 'must be a list of language codes, e.g. [ar, so]' }).default([]),
  /** Children can come along: there is childcare. */
  childcare: flag('childcare'),
  /** Only women (staff included). */
  womenOnly: flag('only women'),
  /** It costs nothing. */
  free: flag('no cost'),
  /** She is welcome to bring a friend. */
  bringFriend: flag('bring a friend'),
  /** Optional notes per language (what to bring, the entrance…); Danish required when given. */
  notes: localizedText('note').optional(),
};

/** A clock-time problem of a start/end pair, or undefined. */
export function timeOrderProblem(start: string, end: string): string | undefined {
  if (!isClockTime(start) || !isClockTime(end)) return undefined;
  return end > start ? undefined : `ends (${end}) before it starts (${start}): the end must be later the same day`;
}

/** "unknown field(s) …" naming the fields the file may have. */
export function unknownFieldsError(fields: readonly string[]) {
  return (iss: { code?: string; keys?: string[] }) =>
    iss.code === 'unrecognized_keys'
      ? `unknown field(s) ${(iss.keys ?? []).map((k) => `"${k}"`).join(', ')}: check the spelling (fields: ${fields.join(', ')})`
      : undefined;
}
