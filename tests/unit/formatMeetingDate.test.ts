import { describe, expect, it } from 'vitest';
import { formatMeetingDate, formatMeetingTimes } from '#src/meetings/formatMeetingDate.ts';
import { langs } from '#src/i18n/locales.ts';

const start = new Date('2026-12-03T17:00:00+01:00');
const end = new Date('2026-12-03T19:00:00+01:00');

/** The numbers in a text, whatever digits it uses (Latin, Arabic-Indic ٣, Persian ۳). */
function numbersIn(text: string): number[] {
  const latin = text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) & 0xf));
  return (latin.match(/\d+/g) ?? []).map(Number);
}

describe('formatMeetingDate()', () => {
  it('writes 3 December 2026 in Danish', () => {
    expect(formatMeetingDate(start, 'da')).toBe('torsdag den 3. december 2026');
  });

  it('writes 3 December (Gregorian) on the Farsi page, not 12 Azar 1405', () => {
    const fa = formatMeetingDate(start, 'fa');
    expect(fa).toContain('دسامبر');
    expect(fa).not.toContain('آذر');
    expect(numbersIn(fa)).toEqual([3, 2026]);
  });

  it.each(langs)('gives the same day and year in %s as in Danish', (lang) => {
    expect(numbersIn(formatMeetingDate(start, lang)).sort()).toEqual([3, 2026].sort());
  });

  it('uses the Gregorian month names in Arabic and Urdu', () => {
    expect(formatMeetingDate(start, 'ar')).toContain('ديسمبر');
    expect(formatMeetingDate(start, 'ur')).toContain('دسمبر');
  });

  it("uses Copenhagen time, not the machine's: 00:30 in Copenhagen is still the same day", () => {
    const lateNight = new Date('2027-01-14T23:30:00Z'); // 00:30 on 15 January in Copenhagen
    expect(formatMeetingDate(lateNight, 'da')).toBe('fredag den 15. januar 2027');
  });
});

describe('formatMeetingTimes()', () => {
  it.each(langs)('shows 17:00 to 19:00 Copenhagen time in %s', (lang) => {
    expect(numbersIn(formatMeetingTimes(start, end, lang))).toEqual([17, 0, 19, 0]);
  });

  it('shows summer meetings in summer time', () => {
    expect(formatMeetingTimes(new Date('2027-06-10T08:00:00Z'), new Date('2027-06-10T10:00:00Z'), 'en')).toBe('10:00–12:00');
  });
});
