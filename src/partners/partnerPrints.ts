/**
 * The partner prints: the letter that invites her to an information meeting (Danish + her
 * language) and the one-page partner info sheet (Danish, English). Their text is content
 * (content/pages/<lang>/letter.mdx, partner-sheet.mdx); `npm run flyers` saves them as PDFs.
 */
// With .ts extensions: scripts/flyers.ts imports this file straight into Node.
import { defaultLang, type Lang } from '#src/i18n/locales.ts';
import { localizedUrl } from '#src/i18n/localizedUrl.ts';

/** Content pages printed on their own pages (not shown as ordinary pages), and where. */
export const printedPageRoutes: Record<string, string> = { letter: 'partners/letter/', 'partner-sheet': 'partners/sheet/' };

/** The slugs of those content pages. */
export const printedPageSlugs = Object.keys(printedPageRoutes);

/** The languages of the letter for `lang`: hers first, then Danish (the Danish one is Danish only). */
export function letterLangs(lang: Lang): Lang[] {
  return lang === defaultLang ? [defaultLang] : [lang, defaultLang];
}

/** The languages the partner sheet is written in (partners read Danish or English). */
export const sheetLangs: Lang[] = ['da', 'en'];

/** The printable letter page: /ar/partners/letter/. */
export function letterUrl(lang: Lang): string {
  return localizedUrl(lang, 'partners/letter/');
}

/** The printable partner sheet page: /en/partners/sheet/. */
export function sheetUrl(lang: Lang): string {
  return localizedUrl(lang, 'partners/sheet/');
}

/** The letter's PDF: /flyers/letter-ar-da-a4.pdf. */
export function letterPdfUrl(lang: Lang): string {
  return `/flyers/letter-${letterLangs(lang).join('-')}-a4.pdf`;
}

/** The sheet's PDF: /flyers/partner-sheet-en-a4.pdf. */
export function sheetPdfUrl(lang: Lang): string {
  return `/flyers/partner-sheet-${lang}-a4.pdf`;
}
