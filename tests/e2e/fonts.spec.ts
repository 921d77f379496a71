/**
 * The fonts of the Arabic-script languages are subsets made by the build (src/fonts/subsetFonts.ts),
 * and they still draw everything: every character of every page in the language, the strings the
 * server renders on demand, and the whole alphabet (her name in the form), with the same shapes
 * as the original font; in a browser, none of that text falls back to another font.
 * Reads the build `npm test` makes before the browser tests; builds nothing itself.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '../helpers/test.ts';
import { create, type Font } from 'fontkitten';
import { keptLetters } from '#src/fonts/keptLetters.ts';
import { fontTables, shapingTables } from '#src/fonts/subsetFonts.ts';
import { unicodeRangeCodePoints } from '#src/fonts/unicodeRange.ts';
import { locales } from '#src/i18n/locales.ts';
import { messageTemplates } from '#src/inbox/messageTemplates.ts';
import { builtPages, clientDir } from '../../scripts/lib/builtPages.ts';
import { postInterest, validFields } from '../helpers/interestServer.ts';
import { pageText, servedFont, shaper, shapes } from '../helpers/servedFonts.ts';

const arabicScript = locales.filter((l) => l.font !== 'system').map((l) => l.code);
const pages = builtPages();
const hex = (cp: number) => `U+${cp.toString(16).toUpperCase()}`;

/** Everything a language's font may have to draw: its built pages, its on-demand strings, the alphabet. */
function textOf(lang: string): string {
  const built = pages
    .filter((p) => p.startsWith(`/${lang}/`))
    .map((p) => pageText(fs.readFileSync(path.join(clientDir, p.endsWith('/') ? `${p}index.html` : p), 'utf8')));
  const ui = Object.values(JSON.parse(fs.readFileSync(`src/i18n/ui/${lang}.json`, 'utf8')) as Record<string, string>);
  return [...built, ...ui, messageTemplates[lang as keyof typeof messageTemplates].text, keptLetters].join('\n');
}

test.describe('the subset fonts', () => {
  test.describe.configure({ timeout: 120_000 });

  for (const lang of arabicScript) {
    test(`${lang}: the served font maps all the original could draw of it, in its unicode-range, with the shaping tables`, () => {
      const { face, url, served, original } = servedFont(lang);
      const subset = create(served) as Font;
      const full = create(original) as Font;
      const range = unicodeRangeCodePoints(face.unicodeRange);
      const has = new Set(subset.characterSet);
      const needed = new Set(
        [...textOf(lang)].map((ch) => ch.codePointAt(0)!).filter((cp) => cp >= 0x20 && full.characterSet.includes(cp)),
      );
      expect([...needed].filter((cp) => !has.has(cp) || !range.has(cp)).map(hex)).toEqual([]);
      expect([...range].filter((cp) => !has.has(cp)).map(hex)).toEqual([]);
      expect(
        fontTables(subset)
          .filter((t) => shapingTables.includes(t))
          .sort(),
      ).toEqual(
        fontTables(full)
          .filter((t) => shapingTables.includes(t))
          .sort(),
      );
      expect(fontTables(subset)).toEqual(expect.arrayContaining(['GDEF', 'GSUB', 'GPOS']));
      expect(served.length).toBeLessThan(original.length);
      expect(face.src[0]).toMatch(/^local\(/);
      // Preloaded, so it is there before the first paint and its swap moves nothing (docs/performance.md).
      expect(fs.readFileSync(path.join(clientDir, lang, 'index.html'), 'utf8')).toContain(`<link rel="preload" href="${url}" as="font"`);
    });

    test(`${lang}: every word of pages and on-demand strings, every letter in every position, shapes as with the original`, async () => {
      const { served, original } = servedFont(lang);
      const subset = await shaper(served);
      const full = await shaper(original);
      // Text the original cannot draw falls back to another font in the browser, so it is left out.
      const drawn = new Set((create(original) as Font).characterSet);
      const words = new Set(textOf(lang).match(/[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff\u200c\u200d]+/g));
      for (const letter of keptLetters) words.add(`${letter}${letter}${letter} ب${letter}ـ`);
      const drawable = [...words].filter((w) => [...w].every((ch) => drawn.has(ch.codePointAt(0)!)));
      expect(drawable.length).toBeGreaterThan(300);
      const different = drawable.filter((w) => shapes(subset, w, lang) !== shapes(full, w, lang));
      expect(different).toEqual([]);
    });
  }

  test('the fonts the build serves are far smaller than the originals', () => {
    const fonts = arabicScript.map(servedFont);
    const before = fonts.reduce((n, f) => n + f.original.length, 0);
    const after = fonts.reduce((n, f) => n + f.served.length, 0);
    expect(after).toBeLessThan(before * 0.75);
    const naskh = fonts.find((f) => f.family === 'Noto Naskh Arabic');
    if (naskh) expect(naskh.served.length).toBeLessThan(naskh.original.length / 2);
  });
});

/**
 * The page's text nodes in Arabic script whose every character is in the font's unicode-range
 * (`checked`), and those of them Chromium drew, at least in part, with another font (`fallbacks`:
 * a missing letter). Form fields count too: their text is in the browser's own subtree of the field.
 */
async function renderedFonts(page: Page, family: string, range: Set<number>): Promise<{ checked: string[]; fallbacks: string[] }> {
  await page.evaluate(() => document.fonts.ready);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  type Node = { nodeId: number; nodeType: number; nodeName: string; nodeValue: string; children?: Node[]; shadowRoots?: Node[] };
  const checked: string[] = [];
  const fallbacks: string[] = [];
  const visit = async (node: Node, parent: string) => {
    if (['SCRIPT', 'STYLE', 'NOSCRIPT', 'TITLE', 'HEAD'].includes(parent)) return;
    const text = node.nodeValue?.trim() ?? '';
    if (node.nodeType === 3 && /[\u0600-\u06ff]/.test(text) && [...text].every((ch) => /\s/.test(ch) || range.has(ch.codePointAt(0)!))) {
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId: node.nodeId });
      if (fonts.length) checked.push(text);
      const other = fonts.filter((f) => !f.isCustomFont || f.familyName !== family);
      if (other.length) fallbacks.push(`${text.slice(0, 40)}: ${other.map((f) => `${f.familyName} ×${f.glyphCount}`).join(', ')}`);
    }
    for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) await visit(child, node.nodeName);
  };
  await visit(root as Node, '');
  return { checked, fallbacks };
}

test.describe('in the browser', () => {
  for (const lang of arabicScript) {
    test(`${lang}: every Arabic-script text of the home and an activity page is drawn with the subset font`, async ({ page }) => {
      const { family, face, url } = servedFont(lang);
      const range = unicodeRangeCodePoints(face.unicodeRange);
      const activity = pages.find((p) => p.startsWith(`/${lang}/activities/`) && p.split('/').length === 5)!;
      for (const at of [`/${lang}/`, activity]) {
        const fontRequests: string[] = [];
        page.on('request', (r) => r.resourceType() === 'font' && fontRequests.push(new URL(r.url()).pathname));
        await page.goto(at);
        const { checked, fallbacks } = await renderedFonts(page, family, range);
        expect(checked.length, at).toBeGreaterThan(10);
        expect(fallbacks, at).toEqual([]);
        expect(fontRequests, at).toEqual([url]);
        page.removeAllListeners('request');
      }
    });
  }

  test('ur: the form again with her errors shows the name she typed, any letters, in the subset font', async ({ page, baseURL }) => {
    const { family, face } = servedFont('ur');
    const name = 'ٹڈڑ ںہھ ےۓ پچژ کگی ثذظ ۂۃ';
    const res = await postInterest(baseURL!, validFields({ lang: 'ur', language: 'ur', name, phone: '12' }));
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain(name);
    await page.route('**/ur/interest/errors-again', (route) => route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }));
    await page.goto('/ur/interest/errors-again');
    await expect(page.locator('input[name="name"]')).toHaveValue(name);
    const { checked, fallbacks } = await renderedFonts(page, family, unicodeRangeCodePoints(face.unicodeRange));
    expect(checked).toContain(name);
    expect(fallbacks).toEqual([]);
  });
});
