import { describe, expect, it } from 'vitest';
import { uiStrings } from '#src/i18n/translate.ts';
import { langs } from '#src/i18n/locales.ts';

const source = Object.keys(uiStrings.da).sort();

describe('UI strings', () => {
  it.each(langs.filter((l) => l !== 'da'))('%s has exactly the Danish keys', (lang) => {
    const keys = Object.keys(uiStrings[lang]).sort();
    expect({ missing: source.filter((k) => !keys.includes(k)), extra: keys.filter((k) => !source.includes(k)) }).toEqual({
      missing: [],
      extra: [],
    });
  });

  it.each(langs)('%s has no empty strings', (lang) => {
    const empty = Object.entries(uiStrings[lang]).filter(([, v]) => typeof v !== 'string' || v.trim() === '');
    expect(empty).toEqual([]);
  });

  it.each(langs)('%s keeps every {{placeholder}} of the Danish string', (lang) => {
    const placeholders = (s: string) => (s.match(/\{\{\w+\}\}/g) ?? []).sort();
    // A singular form may say "one page" in words instead of "{{count}}".
    const comparable = (k: string, s: string) => placeholders(s).filter((p) => !(k.endsWith('_one') && p === '{{count}}'));
    const da = uiStrings.da as Record<string, string>;
    const other = uiStrings[lang] as Record<string, string>;
    const broken = Object.keys(da).filter(
      (k) => k in other && JSON.stringify(comparable(k, da[k]!)) !== JSON.stringify(comparable(k, other[k]!)),
    );
    expect(broken).toEqual([]);
  });
});
