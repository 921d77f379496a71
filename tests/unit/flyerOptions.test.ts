import { describe, expect, it } from 'vitest';
import { defaultFlyerOptions, flyerQuery, normalizeFlyerLangs, parseFlyerOptions } from '#src/flyer/flyerOptions.ts';
import { qrSvg } from '#src/flyer/qrSvg.ts';

describe('defaultFlyerOptions()', () => {
  it('puts the partner’s page language first, then Danish, on A4 with tabs', () => {
    expect(defaultFlyerOptions('ar')).toEqual({
      langs: ['ar', 'da'],
      layout: 'side',
      kind: 'general',
      paper: 'a4',
      tabs: true,
      photo: true,
    });
  });

  it('makes a Danish-only flyer from the Danish page', () => {
    expect(defaultFlyerOptions('da').langs).toEqual(['da']);
  });
});

describe('normalizeFlyerLangs()', () => {
  it('keeps the chosen order with Danish where the partner put it', () => {
    expect(normalizeFlyerLangs(['so', 'da', 'ar'])).toEqual(['so', 'da', 'ar']);
    expect(normalizeFlyerLangs(['da', 'ur'])).toEqual(['da', 'ur']);
  });

  it('always includes Danish, adding it last when missing', () => {
    expect(normalizeFlyerLangs(['ar', 'tr'])).toEqual(['ar', 'tr', 'da']);
  });

  it('allows Danish plus two more at most, and drops repeats and unknown codes', () => {
    expect(normalizeFlyerLangs(['ar', 'so', 'tr', 'da'])).toEqual(['ar', 'so', 'da']);
    expect(normalizeFlyerLangs(['ar', 'ar', 'xx', 'da'])).toEqual(['ar', 'da']);
    expect(normalizeFlyerLangs([])).toEqual(['da']);
  });
});

describe('parseFlyerOptions() and flyerQuery()', () => {
  it('reads "Arabic + Danish, A5, stacked, no tabs" from a link', () => {
    expect(parseFlyerOptions('?langs=ar,da&paper=a5&layout=stack&tabs=0', 'da')).toEqual({
      langs: ['ar', 'da'],
      layout: 'stack',
      kind: 'general',
      paper: 'a5',
      tabs: false,
      photo: true,
    });
  });

  it('round-trips: the query it writes reads back as the same options', () => {
    const options = parseFlyerOptions('langs=ur,da,so&paper=a3&photo=0', 'en');
    expect(flyerQuery(options)).toBe('langs=ur,da,so&layout=side&kind=general&paper=a3&tabs=1&photo=0');
    expect(parseFlyerOptions(flyerQuery(options), 'fa')).toEqual(options);
  });

  it('keeps the defaults for unknown values', () => {
    expect(parseFlyerOptions('paper=letter&layout=zigzag', 'so')).toEqual(defaultFlyerOptions('so'));
  });

  it('makes a general flyer when the meeting is unknown or past', () => {
    expect(parseFlyerOptions('kind=meeting&meeting=2020-01-01-gone', 'ar', ['2027-01-14-x']).kind).toBe('general');
    expect(parseFlyerOptions('kind=meeting&meeting=2027-01-14-x', 'ar', ['2027-01-14-x'])).toMatchObject({
      kind: 'meeting',
      meeting: '2027-01-14-x',
    });
  });
});

describe('qrSvg()', () => {
  it('makes a labelled inline SVG with a quiet zone', async () => {
    const svg = await qrSvg('https://example.dk/ar/', 'QR: "example" <ar>');
    expect(svg).toMatch(/^<svg role="img" aria-label="QR: &quot;example&quot; &lt;ar>"/);
    expect(svg).toContain('<path');
  });
});
