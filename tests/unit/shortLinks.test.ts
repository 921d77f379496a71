import { describe, expect, it } from 'vitest';
import { resolveShortLink, unknownCode } from '#src/channels/shortLink.ts';
import { carryVia, viaCode } from '#src/channels/carryVia.ts';

const channels = new Map<string, { lang?: string }>([
  ['sp-greve', {}],
  ['fb', { lang: 'ar' }],
]);

describe('resolveShortLink()', () => {
  it('sends a known code from a QR code to the home page in that block’s language, carrying the code', () => {
    expect(resolveShortLink('/r/sp-greve/so', channels)).toEqual({ status: 302, location: '/so/?via=sp-greve', counted: 'sp-greve' });
    expect(resolveShortLink('/r/sp-greve/so/', channels)).toMatchObject({ location: '/so/?via=sp-greve' });
  });

  it('sends a typed code to the channel’s own language, or to the language chooser', () => {
    expect(resolveShortLink('/r/fb', channels)).toMatchObject({ location: '/ar/?via=fb', counted: 'fb' });
    expect(resolveShortLink('/r/sp-greve', channels)).toMatchObject({ location: '/?via=sp-greve' });
    expect(resolveShortLink('/r/SP-Greve', channels)).toMatchObject({ counted: 'sp-greve' });
  });

  it('sends an unknown or malformed code home and counts it as unknown, never as itself', () => {
    for (const path of ['/r/nobody', '/r/', '/r/%00%FF', '/r/fb/ar/extra', '/r/a b', `/r/${'x'.repeat(32)}`]) {
      expect(resolveShortLink(path, channels), path).toEqual({ status: 302, location: '/', counted: unknownCode });
    }
  });

  it('answers 404 for anything longer than 32 characters', () => {
    expect(resolveShortLink(`/r/${'x'.repeat(33)}`, channels)).toEqual({ status: 404 });
  });

  it('keeps a known code’s language when the QR code’s language is not one of ours', () => {
    expect(resolveShortLink('/r/fb/xx', channels)).toMatchObject({ location: '/ar/?via=fb' });
  });
});

describe('carryVia()', () => {
  const known = new Set(['sp-greve']);

  it('reads only a known code from the query', () => {
    expect(viaCode('?via=sp-greve', known)).toBe('sp-greve');
    expect(viaCode('?via=%3Cscript%3E', known)).toBeUndefined();
    expect(viaCode('', known)).toBeUndefined();
  });

  it('puts the code on links to the site’s pages, never on assets, anchors or other sites', () => {
    const html =
      '<a href="/so/interest/">x</a><a href="/so/">h</a><a href="/so/meetings/#next">m</a>' +
      '<a href="/_astro/a.css">c</a><a href="https://example.org/so/">o</a><a href="#main">s</a><a href="/flyers/f.pdf">p</a>';
    expect(carryVia(html, 'sp-greve')).toBe(
      '<a href="/so/interest/?via=sp-greve">x</a><a href="/so/?via=sp-greve">h</a><a href="/so/meetings/?via=sp-greve#next">m</a>' +
        '<a href="/_astro/a.css">c</a><a href="https://example.org/so/">o</a><a href="#main">s</a><a href="/flyers/f.pdf">p</a>',
    );
  });

  it('fills the form’s hidden channel field', () => {
    expect(carryVia('<input type="hidden" name="via" value="" data-via>', 'fb')).toBe(
      '<input value="fb" type="hidden" name="via" data-via>',
    );
    expect(carryVia('<input type="hidden" name="via" data-via>', 'fb')).toBe('<input value="fb" type="hidden" name="via" data-via>');
  });
});
