import { describe, expect, it } from 'vitest';
import { resolveLocalized, sourceSlugs, splitId } from '#src/i18n/localizedEntry.ts';

const entry = (id: string, translated = true) => ({
  id,
  filePath: `content/pages/${id}.mdx`,
  data: id.startsWith('da/') || !translated ? {} : { translation: { status: 'machine', source: 'abcdefabcdef' } },
});

const fixture = [entry('da/home'), entry('ar/home'), entry('da/about')];

describe('resolveLocalized()', () => {
  it('gives her language when it exists', () => {
    expect(resolveLocalized(fixture, 'ar', 'home')).toMatchObject({ contentLang: 'ar', fallback: false });
  });

  it('falls back to Danish when her language has no version', () => {
    expect(resolveLocalized(fixture, 'ar', 'about')).toMatchObject({ contentLang: 'da', fallback: true, entry: { id: 'da/about' } });
  });

  it('returns nothing when not even Danish exists', () => {
    expect(resolveLocalized(fixture, 'so', 'missing')).toBeUndefined();
  });

  it('fails, naming the file and the field, when a translation lacks its status', () => {
    expect(() => resolveLocalized([entry('da/x'), entry('so/x', false)], 'so', 'x')).toThrow(
      /content\/pages\/so\/x\.mdx: field "translation" is missing/,
    );
  });
});

describe('sourceSlugs()', () => {
  it('lists the Danish slugs only', () => {
    expect(sourceSlugs(fixture)).toEqual(['about', 'home']);
  });
});

describe('splitId()', () => {
  it('refuses a file outside a language folder', () => {
    expect(() => splitId('xx/home')).toThrow(/language folder/);
  });
});
