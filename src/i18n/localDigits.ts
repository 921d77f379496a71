/**
 * Each language writes numbers in ONE digit style (locales.ts `digits`): Farsi ۱۸۰, the others 180.
 * Numbers that reach a page from config or code (phone numbers shown, days, counts) pass through
 * here; dates and times get the same style from intlLocale(). Links (tel:, sms:) never do.
 */
import { getLocale, type Lang } from '#src/i18n/locales.ts';

const digitSets: Record<string, string> = {};

function digitsOf(style: string): string {
  digitSets[style] ??= Array.from({ length: 10 }, (_, i) => new Intl.NumberFormat(`en-u-nu-${style}`).format(i)).join('');
  return digitSets[style]!;
}

/** `text` with its Western digits written in `lang`'s digit style ("+45 00 00" → "+۴۵ ۰۰ ۰۰" in Farsi). */
export function localDigits(text: string | number, lang: Lang): string {
  const style = getLocale(lang).digits;
  const value = String(text);
  if (style === 'latn') return value;
  const set = digitsOf(style);
  return value.replace(/[0-9]/g, (d) => set[Number(d)]!);
}
