/**
 * Text given per language (`{ da: '…', ar: '…' }`), as meetings and venues use it.
 * Keys must be codes from src/i18n/locales.ts, and Danish (the source) must be there.
 */
import { z } from 'astro/zod';
import { defaultLang, isLang, langs, type Lang } from '#src/i18n/locales.ts';

export type LocalizedText = Partial<Record<Lang, string>>;

/** A `{ <lang>: text }` map; unknown codes and a missing Danish text are errors on that key. */
export function localizedText(what: string) {
  return z
    .record(z.string(), z.string().trim().min(1, { error: 'is empty: write the text or remove the line' }), {
      error: `must be a list of languages, e.g. "${defaultLang}: …"`,
    })
    .superRefine((texts, ctx) => {
      for (const code of Object.keys(texts)) {
        if (!isLang(code)) {
          ctx.addIssue({
            code: 'custom',
            path: [code],
            message: `unknown language code "${code}" (the site's languages are: ${langs.join(', ')})`,
          });
        }
      }
      if (!(defaultLang in texts)) {
        ctx.addIssue({
          code: 'custom',
          path: [defaultLang],
          message: `the Danish ${what} is missing: every ${what} needs "${defaultLang}:" (the source the translations come from)`,
        });
      }
    })
    .transform((texts) => texts as LocalizedText);
}
