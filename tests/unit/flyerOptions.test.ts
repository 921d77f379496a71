import { describe, expect, it } from 'vitest';
import { defaultFlyerOptions, flyerQuery, normalizeFlyerLangs, parseFlyerOptions } from '#src/flyer/flyerOptions.ts';
import { qrSvg } from '#src/flyer/qrSvg.ts';
import { channelQrFile, channelQrUrl, channelShortText } from '#src/channels/channelLinks.ts';

describe('defaultFlyerOptions()', () => {
  it('puts the partner’s page language first, then Danish and English, on A4 with tabs', () => {
    expect(defaultFlyerOptions('ar')).toEqual({
      langs: ['ar', 'da', 'en'],
      layout: 'side',
      kind: 'general',
      paper: 'a4',
      tabs: true,
      photo: true,
    });
  });

  it('makes a Danish and English flyer from the Danish page, and an English and Danish one from the English page', () => {
    expect(defaultFlyerOptions('da').langs).toEqual(['da', 'en']);
    expect(defaultFlyerOptions('en').langs).toEqual(['en', 'da']);
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
    expect(parseFlyerOptions('kind=meeting&meeting=2020-01-01-gone', 'ar', { meetingIds: ['2027-01-14-x'] }).kind).toBe('general');
    expect(parseFlyerOptions('kind=meeting&meeting=2027-01-14-x', 'ar', { meetingIds: ['2027-01-14-x'] })).toMatchObject({
      kind: 'meeting',
      meeting: '2027-01-14-x',
    });
  });

  it('makes a weekly-activity flyer for a known session, keeps it in the link, and a general one otherwise', () => {
    const weekly = parseFlyerOptions('langs=ar,da&kind=weekly&session=kvindegruppe', 'ar', { sessionIds: ['kvindegruppe', 'madklub'] });
    expect(weekly).toMatchObject({ kind: 'weekly', session: 'kvindegruppe', langs: ['ar', 'da'] });
    expect(flyerQuery(weekly)).toBe('langs=ar,da&layout=side&kind=weekly&session=kvindegruppe&paper=a4&tabs=1&photo=1');
    expect(parseFlyerOptions(flyerQuery(weekly), 'ar', { sessionIds: ['kvindegruppe'] })).toEqual(weekly);
    expect(parseFlyerOptions('kind=weekly&session=yoga', 'ar', { sessionIds: ['kvindegruppe'] }).kind).toBe('general');
    expect(parseFlyerOptions('kind=weekly', 'ar', { sessionIds: ['kvindegruppe'] }).kind).toBe('general');
  });

  it('keeps a known channel in the link and gives the plain address for an unknown one', () => {
    const options = parseFlyerOptions('langs=so,da&channel=sp-greve', 'da', { channelCodes: ['sp-greve', 'fb'] });
    expect(options.channel).toBe('sp-greve');
    expect(flyerQuery(options)).toBe('langs=so,da&layout=side&kind=general&paper=a4&tabs=1&photo=1&channel=sp-greve');
    expect(parseFlyerOptions(flyerQuery(options), 'da', { channelCodes: ['sp-greve'] })).toEqual(options);
    expect(parseFlyerOptions('channel=nobody', 'da', { channelCodes: ['sp-greve'] })).not.toHaveProperty('channel');
  });
});

describe('channel links', () => {
  const server = { siteUrl: 'https://aabendoer.example.dk', shortUrl: 'aabendoer.example.dk', formAction: '/api/interest' };
  const staticHost = { ...server, formAction: 'https://forms.example.net/aabendoer' };

  it('point a QR code at /r/<code>/<lang> and print /r/<code> where our server runs', () => {
    expect(channelQrUrl(server, 'sp-greve', 'ar')).toBe('https://aabendoer.example.dk/r/sp-greve/ar');
    expect(channelShortText(server, 'sp-greve')).toBe('aabendoer.example.dk/r/sp-greve');
  });

  it('carry the code as ?via=<code> on a static host, where there is no /r/', () => {
    expect(channelQrUrl(staticHost, 'fb', 'so')).toBe('https://aabendoer.example.dk/so/?via=fb');
    expect(channelShortText(staticHost, 'fb')).toBe('aabendoer.example.dk/?via=fb');
  });

  it('keep each QR code in a file of its own per channel and language', () => {
    expect(channelQrFile('fb', 'ur')).toBe('/flyer-qr/fb/ur.svg');
  });
});

describe('qrSvg()', () => {
  it('makes a labelled inline SVG with a quiet zone', async () => {
    const svg = await qrSvg('https://example.dk/ar/', 'QR: "example" <ar>');
    expect(svg).toMatch(/^<svg role="img" aria-label="QR: &quot;example&quot; &lt;ar>"/);
    expect(svg).toContain('<path');
  });
});
