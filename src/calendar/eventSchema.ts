/**
 * The schema of `content/events/<id>.yaml`: a one-off local event (an Eid party, an open
 * evening). Women bring friends to these, so they are recruitment in their own right.
 */
import { z } from 'astro/zod';
import { localizedText } from '#src/i18n/localizedText.ts';
import { calendarDate, clockTime, knownId, practicalFields, timeOrderProblem, unknownFieldsError } from './practicalFields.ts';
import type { SessionSchemaContext } from './sessionSchema.ts';

const fields = ['title', 'activity', 'venue', 'date', 'start', 'end', 'families', 'cancelled', ...Object.keys(practicalFields)];

/** The event schema, checked against the venues and activities that exist. */
export function eventSchema({ venueIds, activityIds }: SessionSchemaContext) {
  return z
    .strictObject(
      {
        /** Its name per language, e.g. "Eid-fest"; Danish required. */
        title: localizedText('title'),
        /** The activity it belongs to, if any: its page then lists the event too. */
        activity: knownId('activity', 'content/activities/da/', activityIds).optional(),
        /** Where: the id of a venue, content/venues/<id>.yaml. */
        venue: knownId('venue', 'content/venues/', venueIds),
        /** The day, YYYY-MM-DD. */
        date: calendarDate,
        /** When it starts, Copenhagen clock time, in quotes: "17:00". */
        start: clockTime,
        /** When it ends, the same day: "20:00". */
        end: clockTime,
        /** Husbands and children are welcome too (then it cannot be women only). */
        families: z.boolean({ error: 'must be true or false (open to families)' }).default(false),
        /** The event will not take place; it stays listed, marked cancelled, until its day has passed. */
        cancelled: z.boolean({ error: 'must be true or false' }).default(false),
        ...practicalFields,
      },
      { error: unknownFieldsError(fields) },
    )
    .superRefine((e, ctx) => {
      const order = timeOrderProblem(e.start, e.end);
      if (order) ctx.addIssue({ code: 'custom', path: ['end'], message: `the event ${order}` });
      if (e.families && e.womenOnly) {
        ctx.addIssue({
          code: 'custom',
          path: ['womenOnly'],
          message: 'an event open to families cannot be for women only: set one of them to false',
        });
      }
    });
}

export type LocalEvent = z.infer<ReturnType<typeof eventSchema>>;
