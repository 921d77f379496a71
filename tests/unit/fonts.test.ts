import fs from 'node:fs';
import { createRequire } from 'node:module';
import { create, type Font } from 'fontkitten';
import { describe, expect, test } from 'vitest';
import { fontFaces, localName } from '../helpers/fontFaces.ts';

const require = createRequire(import.meta.url);
const faces = fontFaces(fs.readFileSync('src/styles/fonts.css', 'utf8'));

/** The font file a url() entry points at, read with its own name table. */
function fontOf(entry: string): Font {
  const specifier = entry.match(/^url\(['"]?([^'")]+)['"]?\)/)![1]!;
  return create(fs.readFileSync(require.resolve(specifier))) as Font;
}

describe('fonts come from the phone first', () => {
  test('the stylesheet declares the three script fonts, one weight each', () => {
    expect(faces.map((f) => `${f.family} ${f.weight}`).sort()).toEqual([
      'Noto Naskh Arabic 400',
      'Noto Nastaliq Urdu 400',
      'Vazirmatn 400',
    ]);
  });

  for (const face of faces) {
    test(`${face.family} ${face.weight}: local() first, named as in the downloaded file, swap`, () => {
      expect(face.src[0]).toMatch(/^local\(/);
      const locals = face.src.filter((entry) => localName(entry) !== undefined).map(localName);
      const downloads = face.src.filter((entry) => entry.startsWith('url('));
      expect(downloads).toHaveLength(1);
      expect(face.src.slice(0, locals.length).every((entry) => entry.startsWith('local('))).toBe(true);
      const font = fontOf(downloads[0]!);
      expect(font.familyName).toBe(face.family);
      expect(locals).toEqual([font.fullName, font.postscriptName]);
      expect(face.display).toBe('swap');
    });
  }
});

describe('the font-face parser', () => {
  test('reads a minified rule as the build writes it', () => {
    const src = ['local("A B Regular")', 'local(AB-Regular)', 'url(/_astro/a.x1.woff2)format("woff2")'];
    const css = `@font-face{font-family:"A B";font-style:normal;font-display:swap;font-weight:400;src:${src.join(',')}}`;
    expect(fontFaces(css)).toEqual([{ family: 'A B', weight: '400', display: 'swap', src }]);
    expect(localName('local("A B Regular")')).toBe('A B Regular');
  });
});
