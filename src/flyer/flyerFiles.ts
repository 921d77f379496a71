/**
 * Where the ready flyers live: the static printable page per language (works without
 * JavaScript) and its PDF, written by `npm run flyers` into the build output.
 */
// With .ts extensions: scripts/flyers.ts imports this file straight into Node.
import type { Lang } from '#src/i18n/locales.ts';
import { readyFlyerLangs } from './flyerOptions.ts';
import { localizedUrl } from '#src/i18n/localizedUrl.ts';

/** The path after /<lang>/ of the static printable flyer (Danish + that language, A4). */
export const printPath = 'flyer/print/';

/** The static printable flyer for `lang`: /ar/flyer/print/. */
export function printUrl(lang: Lang): string {
  return localizedUrl(lang, printPath);
}

/** The PDF of `lang`'s ready flyer, as the site serves it: /flyers/flyer-ar-da-a4.pdf. */
export function pdfUrl(lang: Lang): string {
  return `/flyers/flyer-${readyFlyerLangs(lang).join('-')}-a4.pdf`;
}
