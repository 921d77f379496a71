/**
 * What the offline service worker (serviceWorker.ts) may keep on her phone, and how it answers each
 * request: the rules in one place, free of browser APIs, so the unit tests hold them.
 *
 * Never kept, whatever the headers say: anything but GET, another origin, the staff inbox and
 * admin, the API, the counted short links (/r/), the search index, the form pages (each copy
 * carries its own signed start time), the pages after a form, and any answer marked no-store or
 * private (the inbox, the forms, a page sent with a channel code). Pages are kept by their path
 * alone, so a search or a channel code in the address is never written to the phone.
 */
import { isLang, type Lang } from '#src/i18n/locales.ts';
import { isHashedAsset } from './serviceWorkerUrl.ts';

/**
 * How the worker answers a request:
 * - `bypass`: not at all (the browser fetches it as if there were no worker; nothing is kept);
 * - `form`: a form page, always from the network; offline, the offline page with the form's note;
 * - `network`: a page after a form, never kept; offline, the offline page;
 * - `page`: a public page, from the network first (meeting lists stay current) and kept; offline,
 *   the kept copy, or the offline page in the page's language;
 * - `immutable`: a file whose name is its content hash (/_astro/, /voice/): the kept copy first;
 * - `asset`: another stylesheet, script, font, image or clip: the kept copy at once, refreshed behind it.
 */
export type OfflinePolicy = 'bypass' | 'form' | 'network' | 'page' | 'immutable' | 'asset';

/** The parts of a Request the rules read. */
export interface RequestFacts {
  method: string;
  url: string;
  mode: string;
  destination: string;
}

/** The parts of a Response the rules read. */
export interface ResponseFacts {
  status: number;
  type: string;
  redirected: boolean;
  headers: { get(name: string): string | null };
}

const bypassPaths = /^\/(?:inbox|admin|api|r|pagefind)(?:\/|$)/;
const formPages = /^\/[a-z]{2,3}\/(?:interest|partners\/refer)\/(?:index\.html)?$/;
const afterForms = /^\/[a-z]{2,3}\/(?:interest|partners\/refer)\//;
/** What a page loads that is worth keeping; fetch() calls (destination "") are not. */
const fileDestinations = new Set(['style', 'script', 'font', 'image', 'audio']);
/** The same files by name, for the list a page sends of what it loaded (no destination there). */
const fileNames = /\.(?:css|js|woff2?|png|jpe?g|webp|avif|gif|svg|m4a|webm|mp3|ogg|opus)$/;

/** How the worker answers `request` on the site at `origin`. */
export function offlinePolicy(request: RequestFacts, origin: string): OfflinePolicy {
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== origin || bypassPaths.test(url.pathname)) return 'bypass';
  if (request.mode === 'navigate') {
    if (formPages.test(url.pathname)) return 'form';
    return afterForms.test(url.pathname) ? 'network' : 'page';
  }
  if (!fileDestinations.has(request.destination)) return 'bypass';
  return isHashedAsset(url.pathname) ? 'immutable' : 'asset';
}

/**
 * The policy of a file a page reports it loaded (by name, as no destination comes with it):
 * `immutable`, `asset`, or null when it is not kept. Voice clips are not taken from the list: a clip
 * she played before the worker ran would be downloaded again; one she plays later is kept as it plays.
 */
export function filePolicy(url: string, origin: string): 'immutable' | 'asset' | null {
  const { pathname, origin: from } = new URL(url, origin);
  if (from !== origin || bypassPaths.test(pathname) || pathname.startsWith('/voice/') || !fileNames.test(pathname)) return null;
  return isHashedAsset(pathname) ? 'immutable' : 'asset';
}

/** True when an answer may be written to her phone: a whole, plain 200 that no header forbids keeping. */
export function mayKeep(response: ResponseFacts, policy: OfflinePolicy): boolean {
  if (response.status !== 200 || response.type !== 'basic' || response.redirected) return false;
  if (/(?:^|[\s,])(?:no-store|private)(?:$|[\s,=])/i.test(response.headers.get('Cache-Control') ?? '')) return false;
  // A page is kept only as HTML: a PDF or calendar file opened as a page is not.
  return policy !== 'page' || /^text\/html\b/i.test(response.headers.get('Content-Type') ?? '');
}

/** The key a page is kept under: its path, without query or fragment. */
export function pageKey(url: string): string {
  const { origin, pathname } = new URL(url);
  return origin + pathname.replace(/index\.html$/, '');
}

/** The page's language: the first part of its path, when it is one of ours. */
export function langOf(url: string): Lang | null {
  const first = new URL(url).pathname.split('/')[1];
  return isLang(first) ? first : null;
}

/** Her language's home page (`/so/`). */
export const homePath = (lang: Lang): string => `/${lang}/`;

/** Her language's offline page (`/so/offline/`), src/pages/[lang]/offline.astro. */
export const offlinePath = (lang: Lang): string => `/${lang}/offline/`;

/** True for an offline page's path. */
export const isOfflinePath = (pathname: string): boolean => /^\/[a-z]{2,3}\/offline\/$/.test(pathname);

/**
 * The offline page for a form: its general note hidden and the form's note shown. The page carries
 * both (src/pages/[lang]/offline.astro); the worker picks one, as the address stays the form's.
 */
export function withFormNote(html: string): string {
  return html
    .replace('data-offline-note="page"', 'data-offline-note="page" hidden')
    .replace('data-offline-note="form" hidden', 'data-offline-note="form"');
}

/** The names of the worker's caches for one release; older releases' caches are emptied on activate. */
export function cacheNames(version: string): { pages: string; files: string } {
  return { pages: `offline-pages-${version}`, files: `offline-files-${version}` };
}

/** True for a cache this worker made (of any release). */
export const isOfflineCache = (name: string): boolean => /^offline-(?:pages|files)-/.test(name);

/** How many pages and files are kept at most; past that the oldest go (the offline pages stay). */
export const keepAtMost = { pages: 60, files: 150 } as const;

/** The same-origin files a kept page or stylesheet refers to by a hashed name, to carry to a new release. */
export function referencedFiles(text: string): string[] {
  return [...new Set(text.match(/\/(?:_astro|voice)\/[\w.-]+/g) ?? [])];
}

/** The stylesheets a page links (what it needs to look right offline); those for a browser without scripts are not. */
export function stylesheetsOf(html: string): string[] {
  const links = html.replace(/<noscript>[\s\S]*?<\/noscript>/g, '').match(/<link\b[^>]*>/g) ?? [];
  return links.filter((l) => /\brel="?stylesheet\b/.test(l)).flatMap((l) => /\bhref="?([^"\s>]+)/.exec(l)?.[1] ?? []);
}

/**
 * The byte range of a `Range` header for a file of `size` bytes, or null when it is not one simple
 * range inside the file (the answer is then the whole file).
 */
export function byteRange(header: string, size: number): { start: number; end: number } | null {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  const start = m[1] === '' ? Math.max(0, size - Number(m[2])) : Number(m[1]);
  const end = m[1] === '' || m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  return start <= end && start < size ? { start, end } : null;
}

/** True when a 206 answer holds the whole file (`bytes 0-N/N+1`): the browser's first request for a clip. */
export function isWholeFile(contentRange: string | null): boolean {
  const m = /^bytes 0-(\d+)\/(\d+)$/.exec(contentRange ?? '');
  return Boolean(m && Number(m[1]) + 1 === Number(m[2]));
}
