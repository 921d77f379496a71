/**
 * An interpreter's language. Unlike the site's own languages this may be any language:
 * an ISO 639-1 code (`ti`, `ku`), optionally with a region (`fa-AF` = Dari), that
 * Intl.DisplayNames can name, because the page names it in the reader's language.
 */
import { z } from 'astro/zod';

const tag = /^[a-z]{2}(-[A-Z]{2})?$/;

/** The English name of `code`, or undefined when Intl does not know the language. */
function knownLanguageName(code: string): string | undefined {
  if (!tag.test(code)) return undefined;
  try {
    return new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }).of(code);
  } catch {
    return undefined;
  }
}

export const interpreterLanguage = z.string({ error: 'must be a language code like ar' }).superRefine((code, ctx) => {
  if (!knownLanguageName(code)) {
    ctx.addIssue({
      code: 'custom',
      message:
        `unknown language code "${code}": use a two-letter ISO 639-1 code (ar, so, ti, ku …), ` +
        'optionally with a country (fa-AF for Dari)',
    });
  }
});
