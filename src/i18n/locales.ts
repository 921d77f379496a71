/**
 * The ONE list of languages. Everything else (routes, astro.config, sitemap, CMS, tests)
 * derives from it. Adding a language = one entry here + `src/i18n/ui/<code>.json` + content.
 */

/** How a locale's text is set: Latin locales use the system stack and download no font. */
export type FontKey = 'system' | 'naskh' | 'nastaliq' | 'vazirmatn';

export interface LocaleDef {
  /** BCP 47 code, also the URL prefix (`/ar/`). */
  code: string;
  /** The language's name in its own script, shown in the language chooser. */
  endonym: string;
  /** English name, for staff tools and logs. */
  englishName: string;
  /** Writing direction; `rtl` mirrors the whole layout. */
  dir: 'ltr' | 'rtl';
  /** Intl locale for dates and numbers. Always Gregorian: see formatMeetingDate(). */
  intl: string;
  /**
   * The one digit style of the language, everywhere (dates, times, phone numbers shown, content):
   * `latn` 0123, `arabext` ۰۱۲۳ (Persian). tel: links always keep Western digits.
   */
  digits: 'latn' | 'arabext';
  /** Self-hosted font for this script (see src/styles/fonts.css). */
  font: FontKey;
  /** Languages to fall back to, in order, when a page has no translation. */
  fallback: readonly string[];
}

export const locales = [
  { code: 'da', endonym: 'Dansk', englishName: 'Danish', dir: 'ltr', intl: 'da-DK', digits: 'latn', font: 'system', fallback: [] },
  { code: 'en', endonym: 'English', englishName: 'English', dir: 'ltr', intl: 'en-GB', digits: 'latn', font: 'system', fallback: ['da'] },
  { code: 'ar', endonym: 'العربية', englishName: 'Arabic', dir: 'rtl', intl: 'ar', digits: 'latn', font: 'naskh', fallback: ['da'] },
  { code: 'tr', endonym: 'Türkçe', englishName: 'Turkish', dir: 'ltr', intl: 'tr-TR', digits: 'latn', font: 'system', fallback: ['da'] },
  { code: 'ur', endonym: 'اردو', englishName: 'Urdu', dir: 'rtl', intl: 'ur-PK', digits: 'latn', font: 'nastaliq', fallback: ['da'] },
  { code: 'so', endonym: 'Soomaali', englishName: 'Somali', dir: 'ltr', intl: 'so-SO', digits: 'latn', font: 'system', fallback: ['da'] },
  {
    code: 'fa',
    endonym: 'فارسی',
    englishName: 'Persian (Farsi)',
    dir: 'rtl',
    intl: 'fa-IR',
    digits: 'arabext',
    font: 'vazirmatn',
    fallback: ['da'],
  },
] as const satisfies readonly LocaleDef[];

export type Lang = (typeof locales)[number]['code'];

/** The source language: every other language is translated from it. */
export const defaultLang = 'da' satisfies Lang;

export const langs: Lang[] = locales.map((l) => l.code);

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (langs as string[]).includes(value);
}

export function getLocale(lang: Lang): LocaleDef {
  const found = locales.find((l) => l.code === lang);
  if (!found) throw new Error(`Unknown language "${lang}" (not in src/i18n/locales.ts)`);
  return found;
}
