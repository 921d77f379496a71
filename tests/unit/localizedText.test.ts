import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { e164Pattern, localizedText, phoneNumber, textFor } from '#src/i18n/localizedText.ts';
import { defaultLang, locales } from '#src/i18n/locales.ts';
import { staffSchema } from '#src/staff/staffSchema.ts';
import { SiteConfigSchema } from '#src/site/siteConfigSchema.ts';
import { siteConfig } from '#site.config.ts';

const messages = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

describe('localizedText()', () => {
  it('accepts Danish with any site languages', () => {
    expect(localizedText('title').parse({ da: 'Møde', ar: 'اجتماع' })).toEqual({ da: 'Møde', ar: 'اجتماع' });
  });

  it('names the missing Danish text, an unknown code and an empty text, each at its key', () => {
    expect(messages(localizedText('title').safeParse({ ar: 'اجتماع' }))).toEqual([
      'da: the Danish title is missing: every title needs "da:" (the source the translations come from)',
    ]);
    expect(messages(localizedText('title').safeParse({ da: 'Møde', xx: 'x' }))[0]).toMatch(/^xx: unknown language code "xx"/);
    expect(messages(localizedText('title').safeParse({ da: '  ' }))).toEqual(['da: is empty: write the text or remove the line']);
  });

  it('lets a schema that checks the source itself leave Danish out', () => {
    expect(localizedText('photo description', { sourceRequired: false }).safeParse({ ar: 'صورة' }).success).toBe(true);
  });

  it('is what the site config and the staff schema use: the same messages for the same mistake', () => {
    const config = SiteConfigSchema.safeParse({ ...siteConfig, openingHours: { ar: 'x' } });
    expect(messages(config)).toEqual([
      'openingHours.da: the Danish opening hours is missing: every opening hours needs "da:" (the source the translations come from)',
    ]);
    const staff = staffSchema(z.string()).safeParse({
      name: 'Amina',
      photo: 'amina.jpg',
      phone: '+4512345678',
      languages: ['ar'],
      translationStatus: 'machine',
      role: { ar: 'x' },
      bio: { da: 'Hej' },
      alt: { da: 'Amina' },
    });
    expect(messages(staff)).toContain(
      'role.da: the Danish role is missing: every role needs "da:" (the source the translations come from)',
    );
  });
});

describe('textFor()', () => {
  const texts = { da: 'Mandag', ar: 'الاثنين' };

  it('gives her own language when the text is there', () => {
    expect(textFor(texts, 'ar')).toEqual({ text: 'الاثنين', lang: 'ar' });
  });

  it('follows her locale’s fallback chain, and says the text is in the fallback language', () => {
    expect(textFor(texts, 'ur')).toEqual({ text: 'Mandag', lang: 'da' });
  });

  it('gives nothing for a text that is not there at all', () => {
    expect(textFor(undefined, 'ar')).toBeUndefined();
    expect(textFor({ ar: 'x' }, 'tr')).toBeUndefined();
  });

  it('can always reach the Danish source: every fallback chain ends in Danish', () => {
    for (const locale of locales) expect([locale.code, ...locale.fallback].at(-1), locale.code).toBe(defaultLang);
  });
});

describe('phone numbers', () => {
  it('take + and 8–15 digits, no spaces, in the site config and the staff files alike', () => {
    for (const good of ['+4512345678', '+905321234567']) expect(phoneNumber().safeParse(good).success).toBe(true);
    for (const bad of ['12345678', '+45 12 34 56 78', '+0123456789', '+1234567']) expect(e164Pattern.test(bad), bad).toBe(false);
    expect(messages(SiteConfigSchema.safeParse({ ...siteConfig, sms: '22 33 44 55' }))).toEqual([
      'sms: must be + and 8–15 digits, no spaces (e.g. +4512345678)',
    ]);
  });
});
