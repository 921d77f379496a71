import { describe, expect, it } from 'vitest';
import { formatDate, formatTime, languageName, t, useTranslations } from '#src/i18n/translate.ts';
import { getLocale, langs, locales } from '#src/i18n/locales.ts';
import { localizedUrl } from '#src/i18n/localizedUrl.ts';

describe('t()', () => {
  it('returns the string in the asked language', () => {
    expect(t('ar', 'nav.home')).toBe('الصفحة الرئيسية');
    expect(useTranslations('da')('nav.home')).toBe('Forside');
  });

  it('fills placeholders', () => {
    expect(t('en', 'search.noResults', { query: 'bike' })).toBe('No pages match “bike”.');
  });
});

describe('locales registry', () => {
  it('has Danish first as the source and unique codes', () => {
    expect(langs[0]).toBe('da');
    expect(new Set(langs).size).toBe(langs.length);
  });

  it('marks Arabic, Urdu and Farsi right-to-left and only them', () => {
    expect(locales.filter((l) => l.dir === 'rtl').map((l) => l.code)).toEqual(['ar', 'ur', 'fa']);
  });

  it('gives every language an endonym in its own script and a fallback to Danish', () => {
    expect(getLocale('fa').endonym).toBe('فارسی');
    for (const l of locales.filter((l) => l.code !== 'da')) expect(l.fallback).toContain('da');
  });
});

describe('formatDate()', () => {
  const meeting = new Date('2026-12-03T16:00:00Z'); // 17:00 in Copenhagen (winter time)

  it('uses the Gregorian calendar in Farsi: 3 December reads as 3 December', () => {
    const parts = new Intl.DateTimeFormat('fa-IR-u-ca-gregory', { month: 'long', timeZone: 'Europe/Copenhagen' }).format(meeting);
    const text = formatDate(meeting, 'fa');
    expect(text).toContain(parts); // دسامبر, not آذر
    expect(text).not.toContain('آذر');
    expect(text).toMatch(/۲۰۲۶/);
  });

  it('shows Copenhagen time, not the machine time zone', () => {
    expect(formatTime(meeting, 'da')).toBe('17.00');
    expect(formatTime(new Date('2026-07-01T15:00:00Z'), 'en')).toBe('17:00');
  });
});

describe('languageName()', () => {
  it('names a language in the reader language', () => {
    expect(languageName('so', 'da')).toBe('somali');
    expect(languageName('ar', 'en')).toBe('Arabic');
  });
});

describe('localizedUrl()', () => {
  it('prefixes the language and keeps the path', () => {
    expect(localizedUrl('ar', 'meetings/')).toBe('/ar/meetings/');
    expect(localizedUrl('da')).toBe('/da/');
    expect(localizedUrl('fa', '/about/')).toBe('/fa/about/');
  });
});
