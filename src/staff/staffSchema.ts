/**
 * The schema of `content/staff/<id>.yaml`: one staff member, with her photo beside the file.
 * Source of truth for the content collection (src/content.config.ts) and the staff CMS.
 * `photo` is passed in because Astro's image() helper only exists inside defineCollection().
 */
import { z } from 'astro/zod';
import { defaultLang, type Lang } from '#src/i18n/locales.ts';
import { localizedText, phoneNumber } from '#src/i18n/localizedText.ts';
import { voiceClips } from '#src/voice/voiceClipSchema.ts';

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
      phone: phoneNumber(),
      /** WhatsApp number, when she uses WhatsApp for work. */
      whatsapp: phoneNumber().optional(),
      /** Languages she speaks, as codes (may be outside the site's languages: 'ku', 'pa', …). */
      languages: z.array(z.string().regex(/^[a-z]{2,3}$/, 'must be a language code such as "ar" or "ku"')).min(1),
      /** True for the demo people: the staff page then says the names and drawings are examples. */
      example: z.boolean().default(false),
      /** How role, bio and alt texts other than Danish were made: 'machine' or 'reviewed' by a person. */
      translationStatus: z.enum(['machine', 'reviewed']),
      /** Her job title, per language. */
      role: localizedText('role'),
      /** One or two sentences in her own voice, per language. */
      bio: localizedText('bio'),
      /** What the photo shows, per language: required in Danish and in every language that has a role. */
      alt: localizedText('photo description', { sourceRequired: false }),
      /** Her greeting as a voice clip per language ("hello, I am Maryam …"; files in content/voice/). */
      clips: voiceClips.optional(),
    })
    .superRefine((entry, ctx) => {
      for (const lang of new Set<Lang>([defaultLang, ...(Object.keys(entry.role) as Lang[])])) {
        if (!entry.alt[lang]) {
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
