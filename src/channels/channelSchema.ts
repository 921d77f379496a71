/**
 * The schema of `content/channels.yaml`: the recruitment channels (partners' flyers, posters,
 * meetings, social media …) and their short codes. A code is what a woman types from a
 * tear-off tab (/r/<code>), so it is short, lower-case and unambiguous.
 * Source of truth for the content collection, the /r/ short links and the staff CMS.
 */
import { z } from 'astro/zod';
import { langs } from '#src/i18n/locales.ts';

/** The kinds of channel the programme reports on. */
export const channelKinds = ['partner-flyer', 'poster', 'information-meeting', 'social-media', 'newsletter', 'other'] as const;
export type ChannelKind = (typeof channelKinds)[number];

/** 2 to 12 of a–z, 0–9 and -, starting and ending with a letter or digit: short enough for a tear-off tab. */
export const channelCodePattern = /^[a-z0-9](?:[a-z0-9-]{0,10}[a-z0-9])$/;

/** The longest path segment /r/ even looks at; anything longer is not a code (404). */
export const maxCodeLength = 32;

const text = (what: string) =>
  z
    .string({ error: `is missing: ${what}` })
    .trim()
    .min(1, { error: `is empty: ${what}` });

export const channelSchema = z.strictObject(
  {
    /** The short code in /r/<code>: 2–12 of a–z, 0–9 and -, e.g. "sp-greve" (never change it once printed). */
    code: z
      .string({ error: 'is missing: the short code, e.g. "sp-greve"' })
      .regex(channelCodePattern, { error: 'must be 2–12 of a–z, 0–9 and - (not first or last), e.g. "sp-greve"' }),
    /** What staff see in the results and partners in the flyer generator, e.g. "Sundhedsplejen i Greve". */
    label: text('the name staff and partners see'),
    /** What kind of channel it is (for the results). */
    kind: z.enum(channelKinds, { error: `must be one of ${channelKinds.join(', ')}` }),
    /** The partner organisation that hands it out, where there is one, e.g. "Greve Kommune, Sundhedsplejen". */
    organisation: text('the partner organisation').optional(),
    /** The language the typed short link opens in (a flyer's QR code names its own); without it, the language chooser. */
    lang: z.enum(langs as [string, ...string[]], { error: `must be one of ${langs.join(', ')}` }).optional(),
  },
  {
    error: (iss) =>
      iss.code === 'unrecognized_keys'
        ? `unknown field(s) ${iss.keys.map((k) => `"${k}"`).join(', ')}: check the spelling (fields: code, label, kind, organisation, lang)`
        : undefined,
  },
);
export type Channel = z.infer<typeof channelSchema>;

/** The whole file: a list of channels, each code once. */
export const channelsFileSchema = z.strictObject({
  /** The channels, in the order the flyer generator offers them. */
  channels: z.array(channelSchema).superRefine((channels, ctx) => {
    const seen = new Map<string, number>();
    channels.forEach((c, i) => {
      const first = seen.get(c.code);
      if (first !== undefined)
        ctx.addIssue({ code: 'custom', path: [i, 'code'], message: `"${c.code}" is already used by channel ${first + 1}` });
      else seen.set(c.code, i);
    });
  }),
});
export type ChannelsFile = z.infer<typeof channelsFileSchema>;
