/**
 * Build step (scripts/postbuild.ts runs it first, before precompression): every web font that the
 * built stylesheets download from /_astro/ is cut down to the characters the site can show, with
 * HarfBuzz's subsetter (subset-font, WebAssembly). Every layout feature and shaping table stays:
 * Arabic joining and Nastaliq's contextual forms come through whole for the letters kept.
 *
 * Which characters: every character of every built page and of the server bundle (what the node
 * server renders on demand: the form's error page, the inbox, its message templates), plus
 * keptLetters (the alphabets a woman may type or staff may publish next), as far as the font has
 * them. The @font-face gets a unicode-range of exactly what the subset holds.
 *
 * /_astro/ files are served as immutable, so nothing changes under an old name: the subset font is
 * written under a new content-hashed name, so is every stylesheet or script that names it, and the
 * pages and the server bundle are rewritten to the new names. Old files are removed.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { create, type Font } from 'fontkitten';
import subsetFont from 'subset-font';
import { keptLetters } from './keptLetters.ts';
import { unicodeRange } from './unicodeRange.ts';

/** What one font file became. */
export interface FontSubset {
  /** The file Astro wrote, e.g. `noto-naskh-arabic-arabic-400-normal.U_i0HMfG.woff2`. */
  from: string;
  /** The subset's new name in /_astro/. */
  to: string;
  /** Bytes before and after. */
  before: number;
  after: number;
  /** The unicode-range written into its @font-face. */
  unicodeRange: string;
}

/** Tables that carry shaping or its metrics; a subset that lost one would join or place letters wrongly. */
export const shapingTables = ['GDEF', 'GSUB', 'GPOS', 'BASE', 'JSTF', 'morx', 'mort', 'kerx', 'kern', 'feat', 'ankr'];

const fontFaceRule = /@font-face\s*\{[^}]*\}/g;
const woff2Url = /url\(\s*['"]?(?:[^'")]*\/)?([^/'")]+\.woff2)['"]?\s*\)/;
const subsetFontVersion = (createRequire(import.meta.url)('subset-font/package.json') as { version: string }).version;

/** The tables of a font file, as its directory lists them. */
export function fontTables(font: Font): string[] {
  return Object.keys((font as unknown as { directory: { tables: Record<string, unknown> } }).directory.tables);
}

/** Subsets the fonts of the build in `dist` (dist/client, dist/server); returns what each became. */
export async function subsetFonts(dist: string, options: { cacheDir?: string } = {}): Promise<FontSubset[]> {
  const cacheDir = options.cacheDir ?? path.resolve('node_modules/.cache/subset-fonts');
  const client = path.join(dist, 'client');
  const assets = path.join(client, '_astro');
  const server = path.join(dist, 'server');
  const sheets = fs.readdirSync(assets).filter((f) => f.endsWith('.css'));
  const fonts = new Set<string>();
  for (const sheet of sheets) for (const rule of downloadingFaces(read(path.join(assets, sheet)))) fonts.add(woff2Url.exec(rule)![1]!);
  if (fonts.size === 0) return [];

  const shown = shownCharacters([...filesUnder(client, /\.html$/), ...filesUnder(server, /\.(m?js|json)$/)]);
  const renames = new Map<string, string>();
  const results = new Map<string, FontSubset>();
  for (const from of fonts) {
    const original = fs.readFileSync(path.join(assets, from));
    const subset = await cachedSubset(original, shown, from, cacheDir);
    const to = hashedName(from, subset.bytes);
    fs.writeFileSync(path.join(assets, to), subset.bytes);
    renames.set(from, to);
    results.set(from, { from, to, before: original.length, after: subset.bytes.length, unicodeRange: subset.unicodeRange });
  }

  for (const sheet of sheets) {
    const css = read(path.join(assets, sheet));
    const next = css.replace(fontFaceRule, (rule) => {
      const font = downloadingFaces(rule).length ? results.get(woff2Url.exec(rule)![1]!) : undefined;
      return font ? rule.replace(font.from, font.to).replace(/;?\s*\}$/, `;unicode-range:${font.unicodeRange}}`) : rule;
    });
    if (next !== css) renameAsset(assets, sheet, next, renames);
  }
  renameReferrers(assets, renames);
  const pattern = namesPattern([...renames.keys()]);
  const outside = [...filesUnder(client, /\.(html|css|m?js|json|webmanifest)$/)].filter((f) => !f.startsWith(assets + path.sep));
  for (const file of [...outside, ...filesUnder(server, /\.(m?js|json)$/)]) {
    const text = read(file);
    const next = text.replace(pattern, (name) => renames.get(name)!);
    if (next !== text) fs.writeFileSync(file, next);
  }
  for (const old of renames.keys()) for (const suffix of ['', '.br', '.gz']) fs.rmSync(path.join(assets, old + suffix), { force: true });
  return [...results.values()];
}

/** The @font-face rules of `css` that download a woff2 and have no unicode-range yet (a rerun leaves them). */
function downloadingFaces(css: string): string[] {
  return (css.match(fontFaceRule) ?? []).filter((rule) => woff2Url.test(rule) && !/unicode-range\s*:/.test(rule));
}

/**
 * Every character the site can show: printable ASCII, keptLetters, and every other character in
 * `files`, also where written as an HTML entity or a JavaScript \u escape.
 */
export function shownCharacters(files: Iterable<string>): Set<number> {
  const shown = new Set<number>();
  for (let cp = 0x20; cp < 0x7f; cp++) shown.add(cp);
  addCharacters(keptLetters, shown);
  const escaped = /&#(\d+);|&#x([0-9a-f]+);|\\u([0-9a-f]{4})|\\u\{([0-9a-f]+)\}/gi;
  for (const file of files) {
    const text = read(file);
    addCharacters(text, shown);
    // Rare: skip the slower searches on the many files that have neither.
    if (text.includes('&#') || text.includes('\\u')) {
      for (const m of text.matchAll(escaped)) {
        const cp = m[1] ? parseInt(m[1], 10) : parseInt((m[2] ?? m[3] ?? m[4])!, 16);
        if (cp <= 0x10ffff) shown.add(cp);
      }
    }
    if (text.includes('&')) {
      for (const [, name] of text.matchAll(/&(nbsp|shy|zwnj|zwj|lrm|rlm|laquo|raquo);/g)) addCharacters(namedEntities[name!]!, shown);
    }
  }
  return shown;
}

/** Adds the code point of every non-ASCII character of `text` (a plain loop: it runs over every page of the build). */
function addCharacters(text: string, shown: Set<number>) {
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) < 0x80) continue;
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    shown.add(cp);
  }
}

const namedEntities: Record<string, string> = {
  nbsp: '\u00a0',
  shy: '\u00ad',
  zwnj: '\u200c',
  zwj: '\u200d',
  lrm: '\u200e',
  rlm: '\u200f',
  laquo: '«',
  raquo: '»',
};

/**
 * The subset of `original` for the shown characters it has, as woff2, checked: it maps every one of
 * them and keeps every shaping table. Cached by content, so a rebuild with the same text costs nothing.
 */
async function cachedSubset(original: Buffer, shown: Set<number>, name: string, cacheDir: string) {
  const font = create(original) as Font;
  const wanted = font.characterSet.filter((cp) => shown.has(cp) && isText(cp)).sort((a, b) => a - b);
  const text = String.fromCodePoint(...wanted);
  const key = crypto.createHash('sha256').update(original).update(`\0${subsetFontVersion}\0${text}`).digest('hex');
  const cached = path.join(cacheDir, `${key}.woff2`);
  let bytes: Buffer;
  if (fs.existsSync(cached)) bytes = fs.readFileSync(cached);
  else {
    bytes = await subsetFont(original, text, { targetFormat: 'woff2' });
    fs.mkdirSync(cacheDir, { recursive: true });
    fs.writeFileSync(cached, bytes);
  }
  const subset = create(bytes) as Font;
  const mapped = new Set(subset.characterSet);
  const missing = wanted.filter((cp) => !mapped.has(cp));
  const lost = fontTables(font).filter((t) => shapingTables.includes(t) && !fontTables(subset).includes(t));
  if (missing.length || lost.length) {
    const chars = missing.map((cp) => `U+${cp.toString(16).toUpperCase()}`).join(' ');
    throw new Error(`subsetFonts: the subset of ${name} lost ${[chars, lost.join(' ')].filter(Boolean).join(' and tables ')}`);
  }
  return { bytes, unicodeRange: unicodeRange(subset.characterSet.filter(isText)) };
}

/** Not a control character or a noncharacter (fonts map U+0000, U+000D and U+FFFF; no text shows them). */
const isText = (cp: number) => cp >= 0x20 && !(cp >= 0xfdd0 && cp <= 0xfdef) && (cp & 0xfffe) !== 0xfffe;

/** Every /_astro/ script or stylesheet that names a renamed file gets the new names, and so a new name itself. */
function renameReferrers(assets: string, renames: Map<string, string>) {
  let changed = [...renames.keys()];
  while (changed.length) {
    const pattern = namesPattern(changed);
    changed = [];
    const renamed = new Set(renames.values());
    for (const file of fs.readdirSync(assets).filter((f) => /\.(css|m?js)$/.test(f) && !renames.has(f) && !renamed.has(f))) {
      const text = read(path.join(assets, file));
      const next = text.replace(pattern, (name) => renames.get(name)!);
      if (next === text) continue;
      renameAsset(assets, file, next, renames);
      changed.push(file);
    }
  }
}

/** Writes `text` under a new content-hashed name for `file`, and notes the rename. */
function renameAsset(assets: string, file: string, text: string, renames: Map<string, string>) {
  const next = text.replace(namesPattern([...renames.keys()]), (name) => renames.get(name)!);
  const to = hashedName(file, Buffer.from(next));
  fs.writeFileSync(path.join(assets, to), next);
  renames.set(file, to);
}

/** `name.OLDHASH.ext` → `name.NEWHASH.ext`, the hash taken from the content (8 characters, as Astro's). */
function hashedName(file: string, content: Uint8Array): string {
  const [, stem, ext] = /^(.*?)(?:\.[\w-]{8})?\.(\w+)$/.exec(file)!;
  const hash = crypto.createHash('sha256').update(content).digest('base64url').slice(0, 8);
  return `${stem}.${hash}.${ext}`;
}

function namesPattern(names: string[]): RegExp {
  const escaped = names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(escaped.length ? escaped.join('|') : '(?!)', 'g');
}

function* filesUnder(dir: string, name: RegExp): Generator<string> {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && name.test(entry.name)) yield path.join(entry.parentPath, entry.name);
  }
}

const read = (file: string) => fs.readFileSync(file, 'utf8');
