/**
 * The state of every content page in every language, for `npm run translations` and the
 * staff page /translation-status/. Reads content/<collection>/<lang>/<slug>.mdx from disk.
 * Plain erasable TypeScript with explicit .ts imports, so Node 22 runs it without a build.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { sourceHash } from './translationSource.ts';

/** Collections whose files are translated one file per language. */
export const translatedCollections = ['pages', 'activities', 'stories'] as const;

/**
 * source: the Danish original. missing: no file in that language (the page falls back).
 * outdated: made from an older Danish version. machine / reviewed: up to date, by that method.
 * invalid: the file lacks its translation status (the build fails on it).
 */
export type TranslationState = 'source' | 'missing' | 'outdated' | 'machine' | 'reviewed' | 'invalid';

export interface ContentFile {
  collection: string;
  lang: string;
  slug: string;
  /** Path relative to the content root's parent, for messages (content/pages/ar/home.mdx). */
  file: string;
  text: string;
}

export interface StatusCell {
  state: TranslationState;
  /** For outdated: the method the old translation was made by. */
  method?: 'machine' | 'reviewed';
  file?: string;
}

export interface StatusRow {
  collection: string;
  slug: string;
  cells: Record<string, StatusCell>;
}

/** The path after /<lang>/ of a content page ('' for the home page, 'about/', 'activities/danish/'). */
export function routeOf(collection: string, slug: string): string {
  if (collection === 'pages') return slug === 'home' ? '' : `${slug}/`;
  return `${collection}/${slug}/`;
}

/** Every .md/.mdx file under <contentDir>/<collection>/<lang>/. */
export function readContentFiles(contentDir: string): ContentFile[] {
  const files: ContentFile[] = [];
  const rootName = path.basename(contentDir);
  for (const collection of translatedCollections) {
    const dir = path.join(contentDir, collection);
    if (!fs.existsSync(dir)) continue;
    for (const lang of fs.readdirSync(dir)) {
      const langDir = path.join(dir, lang);
      if (!fs.statSync(langDir).isDirectory()) continue;
      for (const name of fs.readdirSync(langDir)) {
        if (!/\.mdx?$/.test(name)) continue;
        files.push({
          collection,
          lang,
          slug: name.replace(/\.mdx?$/, ''),
          file: [rootName, collection, lang, name].join('/'),
          text: fs.readFileSync(path.join(langDir, name), 'utf8'),
        });
      }
    }
  }
  return files;
}

/** The `translation:` block of a file's frontmatter, if any. */
export function translationMeta(text: string): { status?: unknown; source?: unknown } | undefined {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (!match) return undefined;
  const data = parseYaml(match[1] ?? '') as { translation?: { status?: unknown; source?: unknown } } | null;
  return data?.translation ?? undefined;
}

function cellFor(file: ContentFile | undefined, danishHash: string): StatusCell {
  if (!file) return { state: 'missing' };
  const meta = translationMeta(file.text);
  const method = meta?.status === 'machine' || meta?.status === 'reviewed' ? meta.status : undefined;
  if (!method || typeof meta?.source !== 'string') return { state: 'invalid', file: file.file };
  if (meta.source !== danishHash) return { state: 'outdated', method, file: file.file };
  return { state: method, file: file.file };
}

/** One row per Danish source file, one cell per language. */
export function translationReport(files: ContentFile[], langs: readonly string[], sourceLang = 'da'): StatusRow[] {
  const sources = files.filter((f) => f.lang === sourceLang);
  return sources
    .map((source) => {
      const hash = sourceHash(source.text);
      const cells: Record<string, StatusCell> = {};
      for (const lang of langs) {
        if (lang === sourceLang) {
          cells[lang] = { state: 'source', file: source.file };
          continue;
        }
        const translated = files.find((f) => f.collection === source.collection && f.slug === source.slug && f.lang === lang);
        cells[lang] = cellFor(translated, hash);
      }
      return { collection: source.collection, slug: source.slug, cells };
    })
    .sort((a, b) => a.collection.localeCompare(b.collection) || a.slug.localeCompare(b.slug));
}

/** Translated files whose Danish source does not exist (a renamed or deleted page). */
export function orphanTranslations(files: ContentFile[], sourceLang = 'da'): ContentFile[] {
  return files.filter(
    (f) => f.lang !== sourceLang && !files.some((s) => s.lang === sourceLang && s.collection === f.collection && s.slug === f.slug),
  );
}

/** How many cells are in each state. */
export function countStates(rows: StatusRow[]): Record<TranslationState, number> {
  const counts: Record<TranslationState, number> = { source: 0, missing: 0, outdated: 0, machine: 0, reviewed: 0, invalid: 0 };
  for (const row of rows) for (const cell of Object.values(row.cells)) counts[cell.state] += 1;
  return counts;
}
