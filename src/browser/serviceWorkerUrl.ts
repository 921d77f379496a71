/**
 * Where the offline service worker (serviceWorker.ts) is served and how it is cached, and which
 * files never change under their name: read by the page that registers it, the build that writes
 * it, the worker, and the server and _headers that send it. No
 * imports, so the public pages' script carries nothing else with it.
 */

/** The worker's address: at the root, as a worker looks after only the paths under its own URL. */
export const serviceWorkerUrl = '/sw.js';

/**
 * How long a browser uses its copy of the worker before it asks for a new release: a day, the
 * longest browsers allow. Without it every page she opens also asks for /sw.js (a 304, about 1 KB);
 * pages are asked for each time anyway, so a meeting list is never a day old.
 */
export const serviceWorkerCacheControl = 'max-age=86400';

/**
 * A file whose name is its content's hash (/voice/ names too: src/voice/convertClip.ts): the
 * server caches it for a year and serves it from older kept releases; the worker keeps it as is.
 */
export const isHashedAsset = (pathname: string): boolean => /^\/(?:_astro|voice)\//.test(pathname);
