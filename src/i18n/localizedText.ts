/**
 * Text given per language (`{ da: '…', ar: '…' }`): the ONE schema builder for it, the ONE
 * picker that chooses the text a reader sees, and the phone pattern the same files use.
 * Site config, meetings, venues and staff all go through here, so every per-language text is
 * checked the same way and falls back the same way (the locale's chain in ./locales.ts).
 */
import { z } from 'astro/zod';
import { defaultLang, getLocale, isLang, langs, type Lang } from './locales.ts';

/** Text per site language; any language may be missing. */
export type LocalizedText = Partial<Record<Lang, string>>;
/** Text per site language with the Danish source always there (what the schema gives by default). */
export type SourcedText = LocalizedText & Record<typeof defaultLang, string>;

/** A text and the language it is really in (a Danish fallback is marked lang="da" on the page). */
export interface TextInLang {
  text: string;
  lang: Lang;
}

/** A phone number in international form (E.164): + and 8–15 digits, no spaces. */
export const e164Pattern = /^\+[1-9]\d{7,14}$/;

/** The schema of a phone number in international form. */
export function phoneNumber() {
  return z.string().regex(e164Pattern, 'must be + and 8–15 digits, no spaces (e.g. +4512345678)');
}

/**
 * A `{ <lang>: text }` map, named `what` in messages ("title", "opening hours"). Unknown codes
 * and empty texts are errors on that key; so is a missing Danish text, unless `sourceRequired`
 * is false (a schema that checks the source itself, with its own rule).
 */
export function localizedText(what: string): z.ZodType<SourcedText, Record<string, string>>;
export function localizedText(what: string, options: { sourceRequired: false }): z.ZodType<LocalizedText, Record<string, string>>;
export function localizedText(what: string, { sourceRequired = true }: { sourceRequired?: boolean } = {}) {
  return (
    z
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
        if (sourceRequired && !(defaultLang in texts)) {
          ctx.addIssue({
            code: 'custom',
            path: [defaultLang],
            message: `the Danish ${what} is missing: every ${what} needs "${defaultLang}:" (the source the translations come from)`,
          });
        }
      })
      // Checked above: the source is there unless the caller said it need not be (then typed LocalizedText).
      .transform((texts) => texts as SourcedText)
  );
}

/**
 * The text for a reader of `lang`: her own, else the first language of her locale's fallback
 * chain that has it (every chain ends in Danish, the source), with the language it is in.
 */
export function textFor(texts: SourcedText, lang: Lang): TextInLang;
export function textFor(texts: LocalizedText | undefined, lang: Lang): TextInLang | undefined;
export function textFor(texts: LocalizedText | undefined, lang: Lang): TextInLang | undefined {
  if (!texts) return undefined;
  for (const code of [lang, ...(getLocale(lang).fallback as readonly Lang[])]) {
    const text = texts[code];
    if (text) return { text, lang: code };
  }
  return undefined;
}
