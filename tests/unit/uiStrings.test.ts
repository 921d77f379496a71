import { describe, expect, it } from 'vitest';
import { uiStrings } from '#src/i18n/translate.ts';
import { staffStrings } from '#src/inbox/staffTranslations.ts';
import { partnerStrings } from '#src/referral/partnerTranslations.ts';

// Every set of strings the translator factory is given: the public UI and each feature's own.
const stringSets: [string, Record<string, Partial<Record<string, string>>>][] = [
  ['UI strings (src/i18n/ui/)', uiStrings],
  ['staff strings (src/inbox/strings/)', staffStrings],
  ['partner strings (src/referral/strings/)', partnerStrings],
];

describe.each(stringSets)('%s', (_name, strings) => {
  const source = Object.keys(strings.da!).sort();
  const langs = Object.keys(strings);

  it('start with the Danish source file', () => {
    expect(langs[0]).toBe('da');
  });

  it.each(langs.filter((l) => l !== 'da'))('%s has exactly the Danish keys', (lang) => {
    const keys = Object.keys(strings[lang]!).sort();
    expect({ missing: source.filter((k) => !keys.includes(k)), extra: keys.filter((k) => !source.includes(k)) }).toEqual({
      missing: [],
      extra: [],
    });
  });

  it.each(langs)('%s has no empty strings', (lang) => {
    const empty = Object.entries(strings[lang]!).filter(([, v]) => typeof v !== 'string' || v.trim() === '');
    expect(empty).toEqual([]);
  });

  it.each(langs)('%s keeps every {{placeholder}} of the Danish string', (lang) => {
    const placeholders = (s: string) => (s.match(/\{\{\w+\}\}/g) ?? []).sort();
    // A singular form may say "one page" in words instead of "{{count}}".
    const comparable = (k: string, s: string) => placeholders(s).filter((p) => !(k.endsWith('_one') && p === '{{count}}'));
    const da = strings.da as Record<string, string>;
    const other = strings[lang] as Record<string, string>;
    const broken = Object.keys(da).filter(
      (k) => k in other && JSON.stringify(comparable(k, da[k]!)) !== JSON.stringify(comparable(k, other[k]!)),
    );
    expect(broken).toEqual([]);
  });

  it.each(langs)('%s is kept in sorted order', (lang) => {
    const keys = Object.keys(strings[lang]!);
    expect(keys).toEqual([...keys].sort());
  });
});
