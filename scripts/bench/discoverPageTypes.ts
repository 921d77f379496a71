/**
 * Finds one built page of each page type in dist/client, so the benchmark measures whatever
 * exists today and says "not built yet" for the rest (the site grows feature by feature).
 */

/**
 * The page types of the site and where each one is built, as a path after /<lang>/.
 * `pattern` matches one page of the type; the first match (sorted) is the one measured.
 * `content` pages carry the framework-JavaScript budget; tools (search, flyer) need their script
 * by nature. Every type has a transfer budget (evaluateBudgets.ts). The 404 page is one file for
 * every language (it speaks all of them): it is measured where she meets it, at a missing address
 * under /<lang>/, which the server answers with it (`missing`).
 */
export const pageTypes = [
  { id: 'home', label: 'home', pattern: /^$/, content: true },
  { id: 'activity', label: 'activity', pattern: /^activities\/[^/]+\/$/, content: true },
  { id: 'meetings', label: 'meetings list', pattern: /^meetings\/$/, content: true },
  { id: 'meeting', label: 'meeting', pattern: /^meetings\/[^/]+\/$/, content: true },
  { id: 'calendar', label: 'calendar', pattern: /^calendar\/$/, content: true },
  { id: 'staff', label: 'staff', pattern: /^staff\/$/, content: true },
  { id: 'interest', label: 'interest form', pattern: /^interest\/$/, content: true },
  { id: 'flyer', label: 'flyer generator', pattern: /^flyers?\/$/, content: false },
  { id: 'family', label: 'family', pattern: /^family\/$/, content: true },
  { id: 'refer', label: 'partners/refer', pattern: /^partners\/refer\/$/, content: true },
  { id: 'search', label: 'search', pattern: /^search\/$/, content: false },
  { id: 'privacy', label: 'privacy', pattern: /^privacy\/$/, content: true },
  { id: 'notFound', label: '404', pattern: null, content: true, missing: true },
] as const;

/** The address under /<lang>/ the bench asks for to meet the 404 page (no page is built there). */
export const missingPath = 'bench-no-such-page/';

/** The built file a page type's page is read from, for its HTML size ('/da/flyer/' → 'da/flyer/index.html'). */
export function builtFileOf(typeId: string, urlPath: string): string {
  return typeId === 'notFound' ? '404.html' : `${urlPath.replace(/^\//, '')}index.html`;
}

export type PageTypeId = (typeof pageTypes)[number]['id'];

/**
 * For each page type, the path after /<lang>/ of the page to measure, found in the source
 * language's pages (every language has the same paths), or null when none is built yet.
 * `pages` are the URL paths of the build ('/da/activities/danish/'), `sourceLang` the language
 * whose pages are searched ('da').
 */
export function discoverPageTypes(pages: readonly string[], sourceLang: string): Record<PageTypeId, string | null> {
  const prefix = `/${sourceLang}/`;
  const inLang = pages
    .filter((p) => p.startsWith(prefix))
    .map((p) => p.slice(prefix.length))
    .sort();
  const found = (type: (typeof pageTypes)[number]) =>
    type.pattern === null ? (pages.includes('/404.html') ? missingPath : null) : (inLang.find((p) => type.pattern.test(p)) ?? null);
  return Object.fromEntries(pageTypes.map((type) => [type.id, found(type)])) as Record<PageTypeId, string | null>;
}
