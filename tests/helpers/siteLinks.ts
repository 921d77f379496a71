/**
 * The link check of the built site: every internal href, src, srcset and form action of a page
 * must lead to a file in dist/client or to an on-demand route of the server, and every
 * same-page #fragment to an element with that id. External links (another origin, tel:, sms:,
 * mailto:) are not followed.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface BrokenLink {
  /** The page, as a URL path ('/ar/partners/'). */
  page: string;
  /** The reference as the page wrote it. */
  ref: string;
  reason: string;
}

/** Script and style bodies are code, not markup: their "href=" strings are not links. */
const codeBlocks = /<(script|style)\b[^>]*>[\s\S]*?<\/\1>/gi;
const urlAttribute = /\s(href|src|action|poster)="([^"]*)"/g;
const srcsetAttribute = /\ssrcset="([^"]*)"/g;
/** The after-paint loader's scripts (src/browser/afterPaint.ts): space-separated URLs. */
const loaderScripts = /<script\s[^>]*\bdata-src="([^"]*)"/g;

/** Every reference in a page's markup: href, src, action and poster values, each srcset candidate and loader script. */
export function linksOf(html: string): string[] {
  const markup = html.replace(codeBlocks, (block) => block.replace(/>[\s\S]*<\//, '></'));
  const refs = [...markup.matchAll(urlAttribute)].map((m) => decodeEntities(m[2]!));
  for (const m of markup.matchAll(loaderScripts)) refs.push(...decodeEntities(m[1]!).split(' '));
  for (const m of markup.matchAll(srcsetAttribute)) {
    for (const candidate of decodeEntities(m[1]!).split(',')) refs.push(candidate.trim().split(/\s+/)[0]!);
  }
  return refs.filter((ref) => ref !== '');
}

/** The ids of a page's elements. */
export function idsOf(html: string): Set<string> {
  return new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => decodeEntities(m[1]!)));
}

function decodeEntities(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * The routes the server renders on demand (pages with `export const prerender = false`), as
 * patterns over URL paths: src/pages/[lang]/interest/reply.astro → /<any>/interest/reply/.
 */
export function onDemandRoutes(pagesDir: string): RegExp[] {
  return fs
    .readdirSync(pagesDir, { recursive: true, withFileTypes: true })
    .filter((f) => f.isFile() && /\.(astro|ts|js|mjs)$/.test(f.name))
    .map((f) => path.join(f.parentPath, f.name))
    .filter((file) => /export\s+const\s+prerender\s*=\s*false/.test(fs.readFileSync(file, 'utf8')))
    .map((file) => {
      const route = path
        .relative(pagesDir, file)
        .split(path.sep)
        .join('/')
        .replace(/\.(astro|ts|js|mjs)$/, '')
        .replace(/(^|\/)index$/, '');
      const pattern = route
        .split('/')
        .map((part) => (/^\[\.\.\.[^\]]+\]$/.test(part) ? '.+' : part.replace(/\[[^\]]+\]/g, '[^/]+')))
        .join('/');
      return new RegExp(`^/${pattern}${pattern ? '/?' : ''}$`);
    });
}

export interface LinkCheckOptions {
  /** The site's own origin (siteUrl): absolute links to it are internal (canonical, hreflang, sitemap). */
  siteOrigin: string;
  /** Routes served on demand, from onDemandRoutes(). */
  onDemand: RegExp[];
}

/** The file a URL path is served from, or null when the build has none. */
function servedFile(clientDir: string, urlPath: string): string | null {
  const file = path.join(clientDir, urlPath);
  if (!file.startsWith(clientDir)) return null;
  const candidates = urlPath.endsWith('/') ? [path.join(file, 'index.html')] : [file, path.join(file, 'index.html')];
  return candidates.find((c) => fs.existsSync(c) && fs.statSync(c).isFile()) ?? null;
}

/** Every broken reference on `pages` (URL paths of dist/client's HTML files). */
export function brokenLinks(clientDir: string, pages: string[], { siteOrigin, onDemand }: LinkCheckOptions): BrokenLink[] {
  const broken: BrokenLink[] = [];
  for (const page of pages) {
    const file = servedFile(clientDir, page);
    if (!file) {
      broken.push({ page, ref: page, reason: 'the page itself is not in the build' });
      continue;
    }
    const html = fs.readFileSync(file, 'utf8');
    const ids = idsOf(html);
    for (const ref of linksOf(html)) {
      const url = new URL(ref, `${siteOrigin}${page}`);
      if (url.origin !== siteOrigin) continue;
      const samePage = url.pathname === page && !ref.startsWith('/') && ref.startsWith('#');
      if (samePage) {
        const id = decodeURIComponent(url.hash.slice(1));
        if (id !== '' && !ids.has(id)) broken.push({ page, ref, reason: `no element with id "${id}" on the page` });
        continue;
      }
      const target = decodeURIComponent(url.pathname);
      if (servedFile(clientDir, target) || onDemand.some((route) => route.test(target))) continue;
      broken.push({ page, ref, reason: `${target} is neither in the build nor an on-demand route` });
    }
  }
  return broken;
}
