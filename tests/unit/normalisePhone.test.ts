import { describe, expect, it } from 'vitest';
import { hasForbiddenCharacters, normalisePhone } from '#src/forms/normalisePhone.ts';

describe('normalisePhone()', () => {
  it.each([
    ['12 34 56 78', '+4512345678'],
    ['+45 12 34 56 78', '+4512345678'],
    ['0045 12345678', '+4512345678'],
    ['١٢٣٤٥٦٧٨', '+4512345678'], // Arabic-Indic digits
    ['۱۲۳۴۵۶۷۸', '+4512345678'], // Persian digits
    ['+٤٥ ١٢ ٣٤ ٥٦ ٧٨', '+4512345678'],
    ['\u200E+45 12-34-56-78\u200F', '+4512345678'], // marks an RTL keyboard adds
    ['+90 532 123 45 67', '+905321234567'],
  ])('reads %s as %s', (raw, phone) => {
    expect(normalisePhone(raw)).toEqual({ ok: true, phone });
  });

  it.each([['1234567'], ['+1234567890123456'], ['12 34 ab 78'], ['++4512345678'], ['45\u202E12345678']])(
    'refuses %s (not 8–15 digits after normalising)',
    (raw) => {
      expect(normalisePhone(raw)).toEqual({ ok: false, code: 'invalid' });
    },
  );

  it('says "missing" for an empty or blank number', () => {
    expect(normalisePhone('  ')).toEqual({ ok: false, code: 'missing' });
  });
});

describe('hasForbiddenCharacters()', () => {
  it('lets Persian and Urdu joiners through', () => {
    expect(hasForbiddenCharacters('می\u200Cخواهم')).toBe(false);
    expect(hasForbiddenCharacters('a\u200Db')).toBe(false);
  });
});
