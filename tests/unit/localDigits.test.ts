import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localDigits } from '#src/i18n/localDigits.ts';
import { formatMeetingDate, formatMeetingTimes } from '#src/meetings/formatMeetingDate.ts';
import { getLocale, langs } from '#src/i18n/locales.ts';
import { uiStrings } from '#src/i18n/translate.ts';
import { siteConfig } from '#site.config.ts';
import { readContentFiles } from '#src/i18n/translationStatus.ts';

const western = /[0-9]/;
const native = /[\u0660-\u0669\u06F0-\u06F9]/;

/** Text a reader sees: no frontmatter, link targets, {expressions}, Danish spans, list markers or paper names. */
function visibleText(mdx: string): string {
  return mdx
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/<a [^>]*>/g, '')
    .replace(/\{[^}]*\}/g, '')
    .replace(/<span lang="da"[^>]*>[\s\S]*?<\/span>/g, '')
    .replace(/^\s*\d+\. /gm, '')
    .replace(/\bA[345]\b/g, '');
}

describe('localDigits()', () => {
  it('writes Farsi numbers in Persian digits and leaves the Western-digit languages alone', () => {
    expect(localDigits('+45 00 00 00 00', 'fa')).toBe('+۴۵ ۰۰ ۰۰ ۰۰ ۰۰');
    expect(localDigits(180, 'fa')).toBe('۱۸۰');
    expect(localDigits(180, 'ar')).toBe('180');
    expect(localDigits('12 34', 'ur')).toBe('12 34');
  });
});

describe('one digit style per language', () => {
  const files = readContentFiles(path.resolve('content'));
  for (const lang of langs) {
    const style = getLocale(lang).digits;
    const wrong = style === 'latn' ? native : western;
    it(`${lang} writes every number in ${style} digits: content, UI strings, opening hours and dates`, () => {
      const offenders: string[] = [];
      for (const f of files.filter((file) => file.lang === lang)) {
        const text = visibleText(f.text);
        if (wrong.test(text)) offenders.push(`${f.file}: ${text.split('\n').find((l) => wrong.test(l))}`);
      }
      for (const [key, value] of Object.entries(uiStrings[lang])) {
        const text = String(value)
          .replace(/\{\{\w+\}\}/g, '')
          .replace(/\bA[345]\b/g, '');
        if (wrong.test(text)) offenders.push(`ui/${lang}.json ${key}: ${value}`);
      }
      const hours = (siteConfig.openingHours as Record<string, string | undefined>)[lang];
      if (hours && wrong.test(hours)) offenders.push(`site.config.ts openingHours.${lang}: ${hours}`);
      const date = formatMeetingDate(new Date('2027-01-14T16:00:00Z'), lang);
      if (wrong.test(date)) offenders.push(`formatDate: ${date}`);
      const times = formatMeetingTimes(new Date('2027-01-14T16:00:00Z'), new Date('2027-01-14T18:00:00Z'), lang);
      if (wrong.test(times)) offenders.push(`meeting times: ${times}`);
      expect(offenders).toEqual([]);
    });
  }

  it('keeps every tel: link in Western digits, whatever the page language', () => {
    expect(localDigits(siteConfig.phone, 'fa')).not.toBe(siteConfig.phone);
    expect(`tel:${siteConfig.phone}`).toMatch(/^tel:\+\d+$/);
  });
});
