import { describe, expect, it } from 'vitest';
import { validateInterest } from '#src/interest/validateInterest.ts';

const allowed = { langs: ['da', 'en', 'ar', 'tr', 'ur', 'so', 'fa'], activities: ['danish-course', 'cycling'] };

function form(overrides: Record<string, string | string[] | undefined> = {}): [string, string][] {
  const base: Record<string, string | string[] | undefined> = {
    lang: 'ar',
    name: 'أمل',
    phone: '12 34 56 78',
    language: 'ar',
    contact: 'whatsapp',
    time: 'morning',
    activity: ['danish-course', 'cycling'],
    interpreter: 'yes',
    consent: 'yes',
    ...overrides,
  };
  return Object.entries(base).flatMap(([k, v]) =>
    v === undefined ? [] : (Array.isArray(v) ? v : [v]).map((x) => [k, x] as [string, string]),
  );
}

const codes = (entries: [string, string][]) => validateInterest(entries, allowed).errors.map((e) => `${e.field}.${e.code}`);

describe('validateInterest()', () => {
  it('accepts a complete form and returns clean data', () => {
    const result = validateInterest(form(), allowed);
    expect(result.errors).toEqual([]);
    expect(result.data).toEqual({
      pageLang: 'ar',
      firstName: 'أمل',
      phone: '+4512345678',
      language: 'ar',
      contactMethod: 'whatsapp',
      bestTime: 'morning',
      activities: ['danish-course', 'cycling'],
      interpreter: true,
      heardVia: '',
      channel: '',
    });
  });

  it('accepts names in any script and returns them in NFC', () => {
    for (const name of ['Ayşe', 'فاطمہ', 'Hodan', 'زهرا\u200Cسادات']) {
      expect(validateInterest(form({ name }), allowed).data?.firstName).toBe(name.normalize('NFC'));
    }
    expect(validateInterest(form({ name: 'Zahre\u0301' }), allowed).data?.firstName).toBe('Zahr\u00e9');
  });

  it('needs no activities and no interpreter', () => {
    const result = validateInterest(form({ activity: undefined, interpreter: undefined }), allowed);
    expect(result.data).toMatchObject({ activities: [], interpreter: false });
  });

  it.each([
    ['a right-to-left override', 'Amal\u202Egnp.exe'],
    ['a left-to-right embedding', '\u202AAmal'],
    ['a bidi isolate', 'Amal\u2066x\u2069'],
    ['a control character', 'Amal\u0007'],
    ['a line break', 'Amal\nAli'],
  ])('refuses a name with %s', (_what, name) => {
    expect(codes(form({ name }))).toEqual(['name.invalid']);
  });

  it('refuses a missing name and a very long one', () => {
    expect(codes(form({ name: '   ' }))).toEqual(['name.missing']);
    expect(codes(form({ name: 'x'.repeat(61) }))).toEqual(['name.tooLong']);
  });

  it('refuses a phone number with too few or too many digits', () => {
    expect(codes(form({ phone: '1234' }))).toEqual(['phone.invalid']);
    expect(codes(form({ phone: '+45 1234 5678 9012 345' }))).toEqual(['phone.invalid']);
    expect(codes(form({ phone: '' }))).toEqual(['phone.missing']);
  });

  it('refuses an unknown activity', () => {
    expect(codes(form({ activity: ['danish-course', 'casino'] }))).toEqual(['activity.unknown']);
  });

  it('refuses an unknown language, in the contact field or the page field', () => {
    expect(codes(form({ language: 'xx' }))).toEqual(['language.unknown']);
    expect(codes(form({ lang: 'de' }))).toEqual(['language.unknown']);
  });

  it('refuses an unknown contact method or time', () => {
    expect(codes(form({ contact: 'email' }))).toEqual(['contact.unknown']);
    expect(codes(form({ time: 'midnight' }))).toEqual(['time.unknown']);
  });

  it('refuses a repeated single-value field instead of picking one copy', () => {
    const result = validateInterest(form({ phone: ['12345678', '87654321'] }), allowed);
    expect(result.errors).toEqual([{ field: 'phone', code: 'repeated', key: 'interest.error.repeated' }]);
    expect(result.data).toBeUndefined();
    expect(codes(form({ consent: ['yes', 'yes'] }))).toEqual(['consent.repeated']);
    expect(codes(form({ lang: ['ar', 'da'] }))).toEqual(['language.repeated']);
  });

  it('refuses a missing consent', () => {
    const result = validateInterest(form({ consent: undefined }), allowed);
    expect(result.errors).toEqual([{ field: 'consent', code: 'missing', key: 'interest.error.consent.missing' }]);
  });

  it('keeps what she typed so the form can show it again', () => {
    const result = validateInterest(form({ phone: '12', consent: undefined }), allowed);
    expect(result.values).toMatchObject({
      name: 'أمل',
      phone: '12',
      contact: 'whatsapp',
      activities: ['danish-course', 'cycling'],
      interpreter: true,
      consent: false,
    });
  });

  it('takes the optional "how did you hear about us?" answer, and nothing outside the list', () => {
    expect(validateInterest(form(), allowed).data?.heardVia).toBe('');
    expect(validateInterest(form({ heard: 'flyer' }), allowed).data?.heardVia).toBe('flyer');
    expect(codes(form({ heard: 'tv' }))).toEqual(['heard.unknown']);
  });

  it('stores a known channel code from the hidden field and drops an unknown one', () => {
    const channels = { ...allowed, channels: ['sp-greve'] };
    expect(validateInterest(form({ via: 'sp-greve' }), channels).data?.channel).toBe('sp-greve');
    expect(validateInterest(form({ via: 'made-up' }), channels).data?.channel).toBe('');
    expect(codes(form({ via: ['sp-greve', 'fb'] }))).toEqual(['form.repeated']);
  });

  it('lists errors in the order of the form', () => {
    expect(codes(form({ name: '', phone: '1', consent: undefined }))).toEqual(['name.missing', 'phone.invalid', 'consent.missing']);
  });
});
