/**
 * Finds one built page of each page type in dist/client, so the benchmark measures whatever
 * exists today and says "not built yet" for the rest (the site grows feature by feature).
 */

/**
 * The page types of the site and where each one is built, as a path after /<lang>/.
 * `pattern` matches one page of the type; the first match (sorted) is the one measured.
 * `content` pages carry the page-weight budgets; tools (search, flyer) need their script by nature.
 */
export const pageTypes = [
  { id: 'home', label: 'home', pattern: /^$/, content: true },
  { id: 'activity', label: 'activity', pattern: /^activities\/[^/]+\/$/, content: true },
  { id: 'meetings', label: 'meetings list', pattern: /^meetings\/$/, content: true },
  { id: 'meeting', label: 'meeting', pattern: /^meetings\/[^/]+\/$/, content: true },
  { id: 'staff', label: 'staff', pattern: /^staff\/$/, content: true },
  { id: 'interest', label: 'interest form', pattern: /^interest\/$/, content: true },
  { id: 'flyer', label: 'flyer generator', pattern: /^flyers?\/$/, content: false },
  { id: 'search', label: 'search', pattern: /^search\/$/, content: false },
] as const;

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
  return Object.fromEntries(pageTypes.map((type) => [type.id, inLang.find((p) => type.pattern.test(p)) ?? null])) as Record<
    PageTypeId,
    string | null
  >;
}
