import { describe, expect, it } from 'vitest';
import { readerFirst, spokenLanguages, teamLanguages } from '#src/i18n/spokenLanguages.ts';

describe('spokenLanguages()', () => {
  it("names the languages in the reader's language, hers first and Danish last", () => {
    expect(spokenLanguages(['da', 'so', 'ar'], 'en')).toBe('Somali, Arabic and Danish');
    expect(readerFirst(['da', 'so', 'ar'], 'ar')).toEqual(['ar', 'so', 'da']);
    expect(spokenLanguages(['da', 'ar'], 'ar')).toBe('العربية والدانمركية');
  });

  it("names languages outside the site's own list (Kurdish)", () => {
    expect(spokenLanguages(['ku'], 'en')).toBe('Kurdish');
  });
});

describe('teamLanguages()', () => {
  it('lists every language once, Danish last', () => {
    expect(teamLanguages([{ languages: ['da', 'so'] }, { languages: ['da', 'ar', 'so'] }])).toEqual(['so', 'ar', 'da']);
  });
});
