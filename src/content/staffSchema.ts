/**
 * The schema of `content/staff/<id>.yaml`: one staff member, with her photo beside the file.
 * Source of truth for the content collection (src/content.config.ts) and the staff CMS.
 * `photo` is passed in because Astro's image() helper only exists inside defineCollection().
 */
import { z } from 'astro/zod';
import { defaultLang, langs } from '#src/i18n/locales.ts';
import { voiceClips } from '#src/voice/voiceClipSchema.ts';

/** A phone number in international form: + and 8–15 digits, no spaces. */
const e164 = z.string().regex(/^\+[1-9]\d{7,14}$/, 'must be + and 8–15 digits, no spaces (e.g. +4512345678)');
const langKey = z.enum(langs as [string, ...string[]]);
/** A text per site language; Danish is required. */
const textPerLang = z.partialRecord(langKey, z.string().min(1)).refine((v) => Boolean(v[defaultLang]), {
  message: 'needs at least Danish (da)',
});

export function staffSchema<P extends z.ZodType>(photo: P) {
  return z
    .object({
      /** Her name as she writes it in Latin letters. */
      name: z.string().min(1),
      /** Position in lists, 1 first. */
      order: z.number().int().min(1).default(99),
      /** Photo file beside the YAML (jpg, png or webp; at least 480 px square is plenty). */
      photo,
      /** Direct phone (calls and SMS). */
      phone: e164,
      /** WhatsApp number, when she uses WhatsApp for work. */
      whatsapp: e164.optional(),
      /** Languages she speaks, as codes (may be outside the site's languages: 'ku', 'pa', …). */
      languages: z.array(z.string().regex(/^[a-z]{2,3}$/, 'must be a language code such as "ar" or "ku"')).min(1),
      /** True for the demo people: the staff page then says the names and drawings are examples. */
      example: z.boolean().default(false),
      /** How role, bio and alt texts other than Danish were made: 'machine' or 'reviewed' by a person. */
      translationStatus: z.enum(['machine', 'reviewed']),
      /** Her job title, per language. */
      role: textPerLang,
      /** One or two sentences in her own voice, per language. */
      bio: textPerLang,
      /** What the photo shows, per language: required in Danish and in every language that has a role. */
      alt: z.partialRecord(langKey, z.string().min(1)),
      /** Her greeting as a voice clip per language ("hello, I am Maryam …"; files in content/voice/). */
      clips: voiceClips.optional(),
    })
    .superRefine((entry, ctx) => {
      for (const lang of new Set([defaultLang, ...Object.keys(entry.role)])) {
        if (!entry.alt[lang as keyof typeof entry.alt]) {
          ctx.addIssue({
            code: 'custom',
            path: ['alt', lang],
            message: `the photo has no alt text in "${lang}" (needed in Danish and in every language the role is given in)`,
          });
        }
      }
    });
}

export type Staff = z.infer<ReturnType<typeof staffSchema<z.ZodString>>>;
