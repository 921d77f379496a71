/**
 * Where the consent slip lives: the printable page per language (hers + Danish side by side,
 * one A4 sheet) and its PDF, written by `npm run flyers` into the build output.
 */
// With .ts extensions: scripts/flyers.ts imports this file straight into Node.
import { defaultLang, type Lang } from '#src/i18n/locales.ts';
import { localizedUrl } from '#src/i18n/localizedUrl.ts';

/** The path after /<lang>/ of the consent slip. */
export const consentSlipPath = 'partners/consent-slip/';

/** The printable consent slip for `lang`: /ar/partners/consent-slip/. */
export function consentSlipUrl(lang: Lang): string {
  return localizedUrl(lang, consentSlipPath);
}

/** The languages on `lang`'s slip: hers first, then Danish (the Danish slip is Danish only). */
export function consentSlipLangs(lang: Lang): Lang[] {
  return lang === defaultLang ? [defaultLang] : [lang, defaultLang];
}

/** The PDF of `lang`'s slip, as the site serves it: /flyers/consent-slip-ar-da.pdf. */
export function consentSlipPdfUrl(lang: Lang): string {
  return `/flyers/consent-slip-${consentSlipLangs(lang).join('-')}.pdf`;
}
