/**
 * The schema of `content/venues/<id>.yaml`: a place where meetings happen.
 * Source of truth for the content collection, `npm run meeting:new` and the staff CMS.
 */
import { z } from 'astro/zod';
import { localizedText } from '#src/i18n/localizedText.ts';
import { voiceClips } from '#src/voice/voiceClipSchema.ts';

const text = (what: string) =>
  z
    .string({ error: `is missing: ${what}` })
    .trim()
    .min(1, { error: `is empty: ${what}` });

export const venueSchema = z.strictObject(
  {
    /** The place's name as it is written on the door (a proper name: one for all languages). */
    name: text('the name on the door'),
    /** Postal address, as on a Danish letter. */
    address: z.strictObject({
      /** Street and number, e.g. "Eksempelvej 12, st." */
      street: text('street and number'),
      /** Four-digit Danish postal code, in quotes: "2670". */
      postalCode: z
        .string({ error: 'must be four digits in quotes, e.g. "2670"' })
        .regex(/^\d{4}$/, { error: 'must be four digits, e.g. "2670"' }),
      /** Town, e.g. Greve. */
      city: text('the town'),
    }),
    /** Where the entrance is, for the map link (decimal degrees, WGS 84 as in OpenStreetMap). */
    coordinates: z.strictObject({
      /** Latitude, north: Denmark is about 54.5 to 57.8. */
      lat: z.number({ error: 'must be a number like 55.5912' }).min(-90).max(90),
      /** Longitude, east: Denmark is about 8 to 15.2. */
      lon: z.number({ error: 'must be a number like 12.2968' }).min(-180).max(180),
    }),
    /** How to find the door, per language (bus, entrance, floor); Danish required. */
    directions: localizedText('direction'),
    /** Step-free access, lift, toilet, pram parking, per language; Danish required when given. */
    accessibility: localizedText('accessibility note').optional(),
    /** "How to find us" as a voice clip per language (files in content/voice/). */
    clips: voiceClips.optional(),
  },
  {
    error: (iss) =>
      iss.code === 'unrecognized_keys'
        ? `unknown field(s) ${iss.keys.map((k) => `"${k}"`).join(', ')}: check the spelling ` +
          '(fields: name, address, coordinates, directions, accessibility, clips)'
        : undefined,
  },
);

export type Venue = z.infer<typeof venueSchema>;
