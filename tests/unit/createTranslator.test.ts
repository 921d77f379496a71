import { describe, expect, it } from 'vitest';
import { createTranslator } from '#src/i18n/createTranslator.ts';
import { staffTranslations } from '#src/inbox/staffTranslations.ts';
import { partnerTranslations } from '#src/referral/partnerTranslations.ts';

const da = {
  'door.open': 'Døren er åben',
  'door.count_one': '{{count}} dør',
  'door.count_other': '{{count}} døre',
  'door.hello': 'Hej {{name}}',
};
const strings: Record<'da' | 'en' | 'sv' | 'nb', Partial<typeof da>> = {
  da,
  en: { 'door.open': 'The door is open', 'door.count_one': 'one door', 'door.count_other': '{{count}} doors' },
  sv: { 'door.count_one': '{{count}} dörr', 'door.count_other': '{{count}} dörrar' },
  nb: {},
};

describe('createTranslator()', () => {
  it('gives each language its own string and fills placeholders', () => {
    const translator = createTranslator({ strings, langs: ['da', 'en'], fallback: 'da' });
    expect(translator('en')('door.open')).toBe('The door is open');
    expect(translator('da')('door.hello', { name: 'Amina' })).toBe('Hej Amina');
  });

  it('picks the plural form from the key without its suffix', () => {
    const t = createTranslator({ strings, langs: ['da', 'en'], fallback: 'da' })('en');
    expect(t('door.count', { count: 1 })).toBe('one door');
    expect(t('door.count', { count: 3 })).toBe('3 doors');
  });

  it('falls back to one language, or along a chain per language', () => {
    expect(createTranslator({ strings, langs: ['da', 'en'], fallback: 'da' })('en')('door.hello', { name: 'Li' })).toBe('Hej Li');
    const chain = createTranslator({
      strings,
      langs: ['da', 'en', 'sv', 'nb'],
      fallback: (lang) => (lang === 'nb' ? ['sv', 'da'] : ['da']),
    });
    expect(chain('nb')('door.count', { count: 2 })).toBe('2 dörrar');
    expect(chain('nb')('door.open')).toBe('Døren er åben');
    expect(chain('sv')('door.open')).toBe('Døren er åben');
  });

  it('gives the same answers with results kept, also once the kept filled-in results start again', () => {
    const kept = createTranslator({ strings, langs: ['da', 'en'], fallback: 'da', cache: true })('da');
    expect(kept('door.open')).toBe('Døren er åben');
    expect(kept('door.open')).toBe('Døren er åben');
    for (let i = 0; i < 20_010; i++) expect(kept('door.hello', { name: `n${i % 3}` })).toBe(`Hej n${i % 3}`);
    expect(kept('door.count', { count: 5 })).toBe('5 døre');
  });

  it('hands out one t() per language', () => {
    const translator = createTranslator({ strings, langs: ['da', 'en'], fallback: 'da' });
    expect(translator('en')).toBe(translator('en'));
  });
});

describe('the features’ translators', () => {
  it('translate the staff inbox with plural forms', () => {
    expect(staffTranslations('en')('age.days', { count: 1 })).toBe('1 day');
    expect(staffTranslations('da')('age.days', { count: 2 })).toBe('2 dage');
  });

  it('translate the referral form in Danish and English', () => {
    expect(partnerTranslations('da')('referral.consent.legend')).toBe('Samtykke');
    expect(partnerTranslations('en')('referral.consent.legend')).not.toBe('Samtykke');
  });
});
