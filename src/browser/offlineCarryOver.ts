/**
 * A new release of the offline service worker (serviceWorker.ts) has new cache names. On activate it
 * carries what she kept into them, so nothing she opened is lost with a release: every kept page,
 * and the hashed files those pages and their stylesheets refer to (the rest was for pages she no
 * longer has, and goes). Her offline pages are fetched afresh where the network allows (a phone
 * number may have changed). Then the old release's caches are deleted.
 */
import { isOfflineCache, isOfflinePath, referencedFiles } from './offlineRules.ts';

/** The parts of the browser's Cache Storage this uses. */
export type CacheStore = Pick<CacheStorage, 'keys' | 'open' | 'delete'>;

/**
 * Carries the kept pages and files from older releases' caches into `names`, then deletes the
 * older caches. `refresh(path)` fetches an offline page into the new caches; false when it could not.
 */
export async function carryOver(
  storage: CacheStore,
  names: { pages: string; files: string },
  origin: string,
  refresh: (path: string) => Promise<boolean>,
): Promise<void> {
  const old = (await storage.keys()).filter((name) => isOfflineCache(name) && name !== names.pages && name !== names.files);
  const carried = new Set<string>();
  const pages = await storage.open(names.pages);
  for (const name of old.filter((n) => n.startsWith('offline-pages-'))) {
    const cache = await storage.open(name);
    for (const request of await cache.keys()) {
      const { pathname } = new URL(request.url);
      if (isOfflinePath(pathname) && (await refresh(pathname))) continue;
      const response = await cache.match(request);
      if (!response || (await pages.match(request))) continue;
      for (const file of referencedFiles(await response.clone().text())) carried.add(origin + file);
      await pages.put(request, response);
    }
  }
  const files = await storage.open(names.files);
  for (const name of old.filter((n) => n.startsWith('offline-files-'))) {
    const cache = await storage.open(name);
    // Stylesheets first, so the fonts they name are carried too.
    const requests = [...(await cache.keys())].sort((a, b) => Number(b.url.endsWith('.css')) - Number(a.url.endsWith('.css')));
    for (const request of requests) {
      if (!carried.has(request.url) || (await files.match(request))) continue;
      const response = await cache.match(request);
      if (!response) continue;
      if (request.url.endsWith('.css')) for (const file of referencedFiles(await response.clone().text())) carried.add(origin + file);
      await files.put(request, response);
    }
  }
  await Promise.all(old.map((name) => storage.delete(name)));
}
