import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { create, type Font } from 'fontkitten';
import { describe, expect, onTestFinished, test } from 'vitest';
import { keptLetters } from '#src/fonts/keptLetters.ts';
import { fontTables, subsetFonts } from '#src/fonts/subsetFonts.ts';
import { unicodeRange, unicodeRangeCodePoints } from '#src/fonts/unicodeRange.ts';
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
    const rule = `font-family:"A B";font-style:normal;font-display:swap;font-weight:400;src:${src.join(',')};unicode-range:U+20,U+600-6FF`;
    const css = `@font-face{${rule}}`;
    expect(fontFaces(css)).toEqual([{ family: 'A B', weight: '400', display: 'swap', unicodeRange: 'U+20,U+600-6FF', src }]);
    expect(localName('local("A B Regular")')).toBe('A B Regular');
  });
});

describe('unicodeRange()', () => {
  test('joins consecutive code points and reads back what it wrote', () => {
    const points = [0x20, 0x627, 0x628, 0x629, 0x6cc, 0x200c, 0x200d];
    expect(unicodeRange(points)).toBe('U+20,U+627-629,U+6CC,U+200C-200D');
    expect([...unicodeRangeCodePoints(unicodeRange(points))]).toEqual(points);
  });
});

describe('keptLetters', () => {
  test('holds the letters of the Arabic, Persian and Urdu alphabets, their digits, marks, joiners and punctuation', () => {
    const letters = 'ابتثجحخدذرزسشصضطظعغفقلمنهويءآأإؤئة' + 'پچژکگی' + 'ٹڈڑںہھےۓ';
    const required = letters + '٠١٢٣٤٥٦٧٨٩' + '۰۱۲۳۴۵۶۷۸۹' + 'َُِّْ' + '،؛؟٪«»۔';
    const missing = [...required, '\u200c', '\u200d'].filter((ch) => !keptLetters.includes(ch));
    expect(missing).toEqual([]);
  });
});

describe('subsetFonts()', () => {
  const vazirmatn = require.resolve('@fontsource/vazirmatn/files/vazirmatn-arabic-400-normal.woff2');
  const original = create(fs.readFileSync(vazirmatn)) as Font;

  /** A small build: one stylesheet with the font, a script that names the stylesheet, a page, a server chunk. */
  function fakeBuild() {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'subset-fonts-'));
    onTestFinished(() => fs.rmSync(dist, { recursive: true, force: true }));
    const assets = path.join(dist, 'client', '_astro');
    fs.mkdirSync(assets, { recursive: true });
    fs.mkdirSync(path.join(dist, 'client', 'fa'));
    fs.mkdirSync(path.join(dist, 'server', 'chunks'), { recursive: true });
    fs.copyFileSync(vazirmatn, path.join(assets, 'vazirmatn-arabic-400-normal.AbCd1234.woff2'));
    const font = '/_astro/vazirmatn-arabic-400-normal.AbCd1234.woff2';
    const face = `@font-face{font-family:Vazirmatn;font-display:swap;src:local(Vazirmatn Regular),url(${font})format("woff2")}`;
    fs.writeFileSync(path.join(assets, 'global.Xy12Zw34.css'), `${face}body{color:red}`);
    fs.writeFileSync(path.join(assets, 'print.Pq12Rs34.js'), `const sheet='/_astro/global.Xy12Zw34.css';`);
    const page = `<link rel="preload" href="${font}"><link rel="stylesheet" href="/_astro/global.Xy12Zw34.css"><p>سلام ۱۲۳</p>`;
    fs.writeFileSync(path.join(dist, 'client', 'fa', 'index.html'), page);
    fs.writeFileSync(path.join(dist, 'server', 'chunks', 'app.mjs'), `const css="/_astro/global.Xy12Zw34.css";const t="\\u06C0";`);
    return { dist, assets, cacheDir: path.join(dist, 'cache') };
  }

  // HarfBuzz in WebAssembly takes a few seconds on a busy machine.
  test(
    'writes a smaller font under a new name that keeps the shaping tables and the letters the site needs',
    { timeout: 60_000 },
    async () => {
      const { dist, assets, cacheDir } = fakeBuild();
      const [result] = await subsetFonts(dist, { cacheDir });
      expect(result!.from).toBe('vazirmatn-arabic-400-normal.AbCd1234.woff2');
      expect(result!.to).toMatch(/^vazirmatn-arabic-400-normal\.[\w-]{8}\.woff2$/);
      expect(fs.existsSync(path.join(assets, result!.from))).toBe(false);
      const subset = create(fs.readFileSync(path.join(assets, result!.to))) as Font;
      expect(result!.after).toBeLessThan(result!.before);
      expect(subset.numGlyphs).toBeLessThan(original.numGlyphs);
      for (const table of ['GDEF', 'GSUB', 'GPOS']) expect(fontTables(subset)).toContain(table);
      const has = new Set(subset.characterSet);
      const needed = [...'سلام۱۲۳', '\u06c0', ...keptLetters].filter((ch) => original.characterSet.includes(ch.codePointAt(0)!));
      expect(needed.filter((ch) => !has.has(ch.codePointAt(0)!))).toEqual([]);
      const text = subset.characterSet.filter((cp) => cp >= 0x20 && cp !== 0xffff);
      expect(unicodeRangeCodePoints(result!.unicodeRange)).toEqual(new Set(text));
    },
  );

  test(
    'renames the stylesheet and what names it, rewrites pages and server bundle; a rerun changes nothing',
    { timeout: 60_000 },
    async () => {
      const { dist, assets, cacheDir } = fakeBuild();
      const [result] = await subsetFonts(dist, { cacheDir });
      const files = () => fs.readdirSync(assets).sort();
      const sheet = files().find((f) => f.endsWith('.css'))!;
      const script = files().find((f) => f.endsWith('.js'))!;
      expect(sheet).not.toBe('global.Xy12Zw34.css');
      expect(script).not.toBe('print.Pq12Rs34.js');
      const css = fs.readFileSync(path.join(assets, sheet), 'utf8');
      expect(css).toContain(`url(/_astro/${result!.to})format("woff2");unicode-range:${result!.unicodeRange}}body{color:red}`);
      expect(fs.readFileSync(path.join(assets, script), 'utf8')).toContain(`/_astro/${sheet}`);
      const page = fs.readFileSync(path.join(dist, 'client', 'fa', 'index.html'), 'utf8');
      expect(page).toContain(`href="/_astro/${result!.to}"`);
      expect(page).toContain(`href="/_astro/${sheet}"`);
      expect(fs.readFileSync(path.join(dist, 'server', 'chunks', 'app.mjs'), 'utf8')).toContain(`/_astro/${sheet}`);
      const before = files();
      expect(await subsetFonts(dist, { cacheDir })).toEqual([]);
      expect(files()).toEqual(before);
    },
  );
});
