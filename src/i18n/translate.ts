/**
 * UI strings through the one translator factory (keys come from the Danish source file).
 * Dates: always Gregorian, always Europe/Copenhagen, in the reader's language.
 */
import da from './ui/da.json' with { type: 'json' };
import en from './ui/en.json' with { type: 'json' };
import ar from './ui/ar.json' with { type: 'json' };
import tr from './ui/tr.json' with { type: 'json' };
import ur from './ui/ur.json' with { type: 'json' };
import so from './ui/so.json' with { type: 'json' };
import fa from './ui/fa.json' with { type: 'json' };
import { createTranslator, type TextVars } from './createTranslator.ts';
import { defaultLang, getLocale, langs, type Lang } from './locales.ts';
import { siteTimeZone } from './siteTimeZone.ts';

export type UIKey = keyof typeof da;
export type UIStrings = Record<UIKey, string>;

/** Every UI file, by language code. A unit test holds each to exactly Danish's keys. */
export const uiStrings: Record<Lang, Partial<UIStrings>> = { da, en, ar, tr, ur, so, fa };

// A build asks for the same strings again and again: the header and footer on every page, and each meeting's
// words ("Interpreter: Arabic and Somali", "More: <its address>") on its page, in the lists, in three calendar
// files. A 1000-meeting build made hundreds of thousands of i18next lookups, so every result is kept.
const uiTranslator = createTranslator({
  strings: uiStrings,
  langs,
  fallback: (lang) => [...getLocale(lang).fallback, defaultLang],
  cache: true,
});

/** Translates `key` into `lang`, filling `{{name}}` placeholders from `vars`. */
export function t(lang: Lang, key: UIKey, vars?: TextVars): string {
  return uiTranslator(lang)(key, vars);
}

/** A `t()` bound to one language, for use at the top of a page or component. */
export function useTranslations(lang: Lang) {
  return uiTranslator(lang);
}

/** The Intl locale with the Gregorian calendar and the language's one digit style forced (plain `fa` gives the Persian calendar). */
export function intlLocale(lang: Lang): string {
  return `${getLocale(lang).intl}-u-ca-gregory-nu-${getLocale(lang).digits}`;
}

// Making an Intl formatter costs about a millisecond with a time zone, and each meeting is formatted in every
// language on many pages: a third of a 300-meeting build went into making the same formatters again. Made once each.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const languageNames = new Map<Lang, Intl.DisplayNames>();

/** The formatter for `lang` with these options, Gregorian, Copenhagen time; the same object for the same arguments. */
function dateTimeFormat(lang: Lang, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang} ${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(lang), { timeZone: siteTimeZone, calendar: 'gregory', ...options });
    dateFormats.set(key, format);
  }
  return format;
}

/** A date in the reader's language, Gregorian, Copenhagen time. */
export function formatDate(
  date: Date,
  lang: Lang,
  options: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
): string {
  return dateTimeFormat(lang, options).format(date);
}

/** The one clock-time format: 24-hour, Gregorian, Copenhagen time, in the reader's language. */
export function timeFormat(lang: Lang): Intl.DateTimeFormat {
  return dateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
}

/** A clock time (17:00) in the reader's language, Copenhagen time, 24-hour. */
export function formatTime(date: Date, lang: Lang): string {
  return timeFormat(lang).format(date);
}

const languageNameCache = new Map<string, string>();

/** A language's name in the reader's language ("Arabic" → "العربية" on an Arabic page). */
export function languageName(code: string, lang: Lang): string {
  const cacheKey = `${lang} ${code}`;
  let name = languageNameCache.get(cacheKey);
  if (name === undefined) languageNameCache.set(cacheKey, (name = lookUpLanguageName(code, lang)));
  return name;
}

function lookUpLanguageName(code: string, lang: Lang): string {
  try {
    let names = languageNames.get(lang);
    if (!names) languageNames.set(lang, (names = new Intl.DisplayNames([getLocale(lang).intl], { type: 'language' })));
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}
