import { describe, expect, it } from 'vitest';
import { validateReferral } from '#src/referral/validateReferral.ts';
import { referralFieldNames as f } from '#src/referral/referralFields.ts';
import da from '#src/referral/strings/da.json';
import en from '#src/referral/strings/en.json';

const allowed = { langs: ['da', 'en', 'ar', 'so'], activities: ['courses', 'mentor'], channels: ['sp-greve'], today: '2026-11-30' };

const full: [string, string][] = [
  [f.pageLang, 'da'],
  [f.referrerName, 'Hanne Jensen'],
  [f.referrerRole, 'Sundhedsplejerske'],
  [f.referrerOrg, 'Greve Kommune'],
  [f.referrerContact, 'hanne@greve.dk'],
  [f.name, 'Fatima'],
  [f.phone, '12 34 56 78'],
  [f.language, 'ar'],
  [f.language, 'da'],
  [f.interpreter, 'yes'],
  [f.time, 'morning'],
  [f.activity, 'courses'],
  [f.note, 'Helst om formiddagen.'],
  [f.consent, 'explained'],
  [f.consent, 'agrees'],
  [f.consent, 'voluntary'],
  [f.consentHow, 'slip'],
  [f.feedback, 'yes'],
  [f.consentDate, '2026-11-28'],
  [f.channel, 'sp-greve'],
];
const without = (name: string, value?: string) => full.filter(([k, v]) => k !== name || (value !== undefined && v !== value));
const replace = (name: string, value: string) => [...without(name), [name, value]] as [string, string][];
const fields = (entries: [string, string][]) => validateReferral(entries, allowed).errors.map((e) => `${e.field}.${e.code}`);

describe('validateReferral()', () => {
  it('accepts a full referral: her number normalised, languages in site order, the referrer and consent kept apart', () => {
    const { errors, data } = validateReferral(full, allowed);
    expect(errors).toEqual([]);
    expect(data).toMatchObject({
      firstName: 'Fatima',
      phone: '+4512345678',
      languages: ['da', 'ar'],
      interpreter: true,
      bestTime: 'morning',
      referrer: { name: 'Hanne Jensen', role: 'Sundhedsplejerske', organisation: 'Greve Kommune', contact: 'hanne@greve.dk' },
      consent: { how: 'slip', feedback: true, date: '2026-11-28' },
      channel: 'sp-greve',
    });
  });

  it('refuses a referral without all three consent confirmations, and keeps what was typed', () => {
    const result = validateReferral(without(f.consent, 'agrees'), allowed);
    expect(result.errors.map((e) => e.key)).toEqual(['referral.error.consent.missing']);
    expect(result.values).toMatchObject({ name: 'Fatima', phone: '12 34 56 78', consent: ['explained', 'voluntary'] });
    expect(result.data).toBeUndefined();
  });

  it('asks how consent was given, whether the referrer may hear back, and when', () => {
    expect(fields(without(f.consentHow).filter(([k]) => k !== f.feedback && k !== f.consentDate))).toEqual([
      'consentHow.missing',
      'feedback.missing',
      'consentDate.missing',
    ]);
  });

  it('refuses a consent date in the future, one that is not a date, and one older than 90 days', () => {
    expect(fields(replace(f.consentDate, '2026-12-01'))).toEqual(['consentDate.future']);
    expect(fields(replace(f.consentDate, '2026-02-30'))).toEqual(['consentDate.invalid']);
    expect(fields(replace(f.consentDate, '2026-08-01'))).toEqual(['consentDate.tooOld']);
  });

  it('takes a work phone or an e-mail for the referrer, nothing else', () => {
    expect(fields(replace(f.referrerContact, '43 97 00 00'))).toEqual([]);
    expect(fields(replace(f.referrerContact, 'call me'))).toEqual(['referrerContact.invalid']);
  });

  it('needs her name, phone and at least one language (a language off the list may be written)', () => {
    expect(fields(without(f.name).filter(([k]) => k !== f.phone && k !== f.language))).toEqual([
      'name.missing',
      'phone.missing',
      'language.missing',
    ]);
    expect(fields([...without(f.language), [f.languageOther, 'Tigrinya']])).toEqual([]);
    expect(fields(replace(f.language, 'xx'))).toEqual(['language.unknown']);
  });

  it('caps the note at 300 characters and refuses bidi overrides in it', () => {
    expect(fields(replace(f.note, 'a'.repeat(301)))).toEqual(['note.tooLong']);
    expect(fields(replace(f.note, 'a'.repeat(300)))).toEqual([]);
    expect(fields(replace(f.note, 'x\u202Ey'))).toEqual(['note.invalid']);
  });

  it('drops an unknown channel code instead of failing the referral', () => {
    expect(validateReferral(replace(f.channel, 'nobody'), allowed).data?.channel).toBe('');
  });

  it('refuses a field sent twice', () => {
    expect(fields([...full, [f.name, 'Amina']])).toEqual(['form.repeated']);
  });

  it('has a Danish and an English text for every error it can give', () => {
    const codes = ['referrerName', 'referrerRole', 'referrerOrg', 'referrerContact', 'name'].flatMap((x) =>
      ['missing', 'invalid', 'tooLong'].map((c) => `${x}.${c}`),
    );
    for (const key of [
      ...codes,
      'consent.missing',
      'consentHow.missing',
      'feedback.missing',
      'consentDate.future',
      'consentDate.tooOld',
      'note.tooLong',
    ]) {
      expect(da).toHaveProperty([`referral.error.${key}`]);
      expect(en).toHaveProperty([`referral.error.${key}`]);
    }
    expect(Object.keys(en).sort()).toEqual(Object.keys(da).sort());
  });
});
