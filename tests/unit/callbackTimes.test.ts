/** The callback promise and the callback choices, both from site.config.ts (src/interest/callbackTimes.ts). */
import { describe, expect, it } from 'vitest';
import { siteConfig } from '#site.config.ts';
import { bestTimes, callbackTimeLabel, callbackTimes, callbackTimesFor } from '#src/interest/callbackTimes.ts';
import { reminderWorkingDays } from '#src/inbox/mailNotices.ts';
import { localDigits } from '#src/i18n/localDigits.ts';
import { langs } from '#src/i18n/locales.ts';
import { t } from '#src/i18n/translate.ts';
import { validateInterest } from '#src/interest/validateInterest.ts';

const periods = siteConfig.openingPeriods;
const withinSomePeriod = (from: number, to: number) => periods.some((p) => p.opens <= from && to <= p.closes);

describe('callbackTimesFor()', () => {
  it('splits the office day at noon, and drops a part of the day when nobody is in', () => {
    expect(
      callbackTimesFor([
        { opens: 9, closes: 15 },
        { opens: 9, closes: 12 },
      ]).map((c) => [c.code, c.from, c.to]),
    ).toEqual([
      ['any', 9, 15],
      ['morning', 9, 12],
      ['afternoon', 12, 15],
    ]);
    expect(callbackTimesFor([{ opens: 8, closes: 11 }]).map((c) => c.code)).toEqual(['any']);
  });
});

describe('the callback choices of the forms', () => {
  it('lie within the opening hours', () => {
    for (const c of callbackTimes.filter((c) => c.code !== 'any')) expect(withinSomePeriod(c.from, c.to), c.code).toBe(true);
  });

  it('are the only times the server accepts', () => {
    const form = (time: string) =>
      [
        ['lang', 'da'],
        ['name', 'Amal'],
        ['phone', '12345678'],
        ['language', 'ar'],
        ['contact', 'call'],
        ['time', time],
        ['consent', 'yes'],
      ] as [string, string][];
    for (const time of bestTimes) expect(validateInterest(form(time), { langs, activities: [] }).errors).toEqual([]);
    expect(validateInterest(form('evening'), { langs, activities: [] }).errors.map((e) => e.key)).toEqual(['interest.error.time.unknown']);
  });

  it('name, in every language, only hours the office is open, in that language’s digits', () => {
    for (const lang of langs) {
      for (const c of callbackTimes) {
        const label = callbackTimeLabel(lang, c.code);
        expect(label, `${lang} ${c.code}`).not.toMatch(/\{\{|interest\.time/);
        if (c.code === 'any') continue;
        // The hours as numbers, minutes (":00") aside: exactly the choice's first and last hour.
        const hours = [...label.replace(/:[0-9٠-٩۰-۹]{2}/g, '').matchAll(/[0-9٠-٩۰-۹]+/g)].map((m) => m[0]);
        expect(hours, `${lang} ${c.code}: ${label}`).toEqual([localDigits(c.from, lang), localDigits(c.to, lang)]);
      }
    }
  });

  it('keep an older stored code readable in the inbox', () => {
    expect(callbackTimeLabel('da', 'evening')).toBe('Sidst på dagen (kl. 16–19)');
  });
});

describe('site.config.ts openingHours', () => {
  it('says in words, in every language, the hours openingPeriods gives as numbers', () => {
    for (const lang of langs) {
      const text = siteConfig.openingHours[lang] ?? siteConfig.openingHours.da;
      for (const p of periods) {
        for (const hour of [p.opens, p.closes]) {
          const digits = localDigits(hour, lang);
          expect(new RegExp(`(^|[^0-9٠-٩۰-۹])${digits}([^0-9٠-٩۰-۹]|$)`).test(text), `${lang}: ${hour} in "${text}"`).toBe(true);
        }
      }
    }
  });
});

describe('the thanks page’s promise', () => {
  it('states, in every language and its digits, the working days after which the inbox reminds staff', () => {
    expect(siteConfig.callbackWithinWorkingDays).toBe(reminderWorkingDays);
    for (const lang of langs) {
      const text = t(lang, 'interest.thanks.when', { days: localDigits(reminderWorkingDays, lang), hours: 'x' });
      expect(text, lang).toContain(localDigits(reminderWorkingDays, lang));
      expect(text, lang).not.toContain('{{');
    }
  });
});
