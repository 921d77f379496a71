/**
 * What the build serves an Arabic-script language: its @font-face as the built stylesheet has it,
 * the subset font file, and the original font from the @fontsource package it was cut from; and
 * HarfBuzz shaping (harfbuzzjs), to compare how the two draw the same text.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as hb from 'harfbuzzjs';
import wawoff2 from 'wawoff2';
import { clientDir } from '../../scripts/lib/builtPages.ts';
import { fontFaces, type FontFace } from './fontFaces.ts';

const require = createRequire(import.meta.url);

export interface ServedFont {
  /** The family the language's pages ask for. */
  family: string;
  /** Its @font-face in the built stylesheet. */
  face: FontFace;
  /** The URL path of the font file the build serves, and its bytes. */
  url: string;
  served: Buffer;
  /** The font it was subset from, as src/styles/fonts.css names it. */
  original: Buffer;
}

/** The stylesheets a built page links, concatenated. */
export function linkedCss(html: string): string {
  const hrefs = [...html.matchAll(/<link rel="stylesheet" href="(\/_astro\/[^"]+\.css)"/g)].map((m) => m[1]!);
  return hrefs.map((href) => fs.readFileSync(path.join(clientDir, href), 'utf8')).join('\n');
}

/** The web font of `lang`'s pages, as the built home page of the language asks for it. */
export function servedFont(lang: string): ServedFont {
  const html = fs.readFileSync(path.join(clientDir, lang, 'index.html'), 'utf8');
  const key = /<html[^>]*\sdata-font="([^"]+)"/.exec(html)![1]!;
  const css = linkedCss(html);
  const family = new RegExp(`\\[data-font=['"]?${key}['"]?\\]\\s*\\{font-family:\\s*['"]?([^,'"]+)`).exec(css)![1]!;
  const face = fontFaces(css).find((f) => f.family === family)!;
  const url = /url\(([^)]+\.woff2)\)/.exec(face.src.find((s) => s.startsWith('url('))!)![1]!;
  const source = fontFaces(fs.readFileSync('src/styles/fonts.css', 'utf8')).find((f) => f.family === family)!;
  const specifier = /url\(['"]?([^'")]+)['"]?\)/.exec(source.src.find((s) => s.startsWith('url('))!)![1]!;
  return { family, face, url, served: fs.readFileSync(path.join(clientDir, url)), original: fs.readFileSync(require.resolve(specifier)) };
}

/** The text a built page shows: without tags, scripts and styles; the entities the build writes decoded. */
export function pageText(html: string): string {
  const entities: Record<string, string> = { amp: '&', quot: '"', lt: '<', gt: '>', nbsp: '\u00a0', '#39': "'" };
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(amp|quot|lt|gt|nbsp|#39);/g, (_, e: string) => entities[e]!);
}

/** A font ready for HarfBuzz. */
export async function shaper(woff2: Buffer): Promise<hb.Font> {
  // A copy: the decoder's result may be a view into its WebAssembly memory, reused by its next call.
  const sfnt = new Uint8Array(await wawoff2.decompress(woff2));
  return new hb.Font(new hb.Face(new hb.Blob(sfnt)));
}

/** How `font` draws `text` in `lang`: each glyph's outline, cluster, advance and offset. */
export function shapes(font: hb.Font, text: string, lang: string): string {
  const buffer = new hb.Buffer();
  buffer.addText(text);
  buffer.guessSegmentProperties();
  buffer.setLanguage(lang);
  hb.shape(font, buffer);
  return JSON.stringify(
    buffer.getGlyphInfosAndPositions().map((g) => [font.glyphToPath(g.codepoint), g.cluster, g.xAdvance, g.yAdvance, g.xOffset, g.yOffset]),
  );
}
