/**
 * The offline service worker, served as /sw.js (built by scripts/lib/buildServiceWorker.ts, registered
 * by offlineReading.ts): the pages she has opened, and what they need to look right, stay readable
 * when her prepaid data is gone; a page she never opened shows the offline page in her language.
 * What is kept, and what never is: offlineRules.ts.
 *
 * Hand-written, not Workbox: it is 7.5 KB built (under 3 KB with brotli) and does four things:
 * network first for pages, the kept copy first for hashed files, the kept copy then a refresh for
 * the rest, and the offline page. Workbox's routing, strategies, precaching and expiration modules
 * for the same are several times that, and its precache manifest is made to list the whole build,
 * which is what she must not download on prepaid data (7 languages).
 *
 * Updates: every release has its own cache names (the build's version, injected as __RELEASE__).
 * The new worker does not wait (skipWaiting) and takes over open pages (clients.claim): every page
 * is a static document that keeps working under either worker, and a woman who keeps one tab open
 * for weeks must still get the new release. On activate it carries what she kept into the new
 * caches and deletes the old ones (offlineCarryOver.ts).
 */
import {
  byteRange,
  cacheNames,
  filePolicy,
  isOfflinePath,
  isWholeFile,
  keepAtMost,
  langOf,
  mayKeep,
  offlinePath,
  offlinePolicy,
  homePath,
  pageKey,
  stylesheetsOf,
  withFormNote,
  type OfflinePolicy,
} from './offlineRules.ts';
import { carryOver } from './offlineCarryOver.ts';
import type { Lang } from '#src/i18n/locales.ts';

/** The build's version of the site (scripts/lib/buildServiceWorker.ts). */
declare const __RELEASE__: string;

// The worker's own types, declared here: the WebWorker library cannot join the DOM one in this project.
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
  respondWith(response: Promise<Response>): void;
}
interface MessageEventFromPage extends ExtendableEvent {
  data: unknown;
}
interface WorkerScope {
  location: Location;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: MessageEventFromPage) => void): void;
}

const worker = self as unknown as WorkerScope;
const origin = worker.location.origin;
const names = cacheNames(__RELEASE__);
/** On a weak connection, a kept page is shown after this long rather than a blank screen. */
const patienceMs = 4000;

worker.addEventListener('install', (event) => event.waitUntil(worker.skipWaiting()));

worker.addEventListener('activate', (event) =>
  event.waitUntil(carryOver(caches, names, origin, (path) => keepPage(path, 'no-cache')).then(() => worker.clients.claim())),
);

worker.addEventListener('fetch', (event) => {
  const policy = offlinePolicy(event.request, origin);
  if (policy !== 'bypass') event.respondWith(answer(event, policy));
});

// The page tells the worker what it loaded before the worker ran (offlineReading.ts).
worker.addEventListener('message', (event) => {
  const data = event.data as { keep?: unknown; files?: unknown };
  if (typeof data?.keep !== 'string' || !Array.isArray(data.files)) return;
  event.waitUntil(
    keepVisit(
      data.keep,
      data.files.filter((f): f is string => typeof f === 'string'),
    ).catch(() => undefined),
  );
});

async function answer(event: FetchEvent, policy: OfflinePolicy): Promise<Response> {
  const { request } = event;
  switch (policy) {
    case 'form':
    case 'network':
      return fetch(request).catch(() => offlinePage(langOf(request.url), policy === 'form'));
    case 'page':
      return networkFirst(event);
    case 'immutable':
      return request.headers.has('Range') ? clip(event) : keptFirst(event, policy);
    default:
      return keptThenRefreshed(event);
  }
}

/** A page: the network's answer (kept for later), a kept copy when there is none or it is slow, else the offline page. */
async function networkFirst(event: FetchEvent): Promise<Response> {
  const key = pageKey(event.request.url);
  const network = fetch(event.request).then((response) => {
    if (mayKeep(response, 'page')) event.waitUntil(put(names.pages, key, response.clone()));
    // A page that is gone (a past meeting) is not kept to be read offline either.
    else if (response.status === 404 || response.status === 410) event.waitUntil(forget(names.pages, key));
    return response;
  });
  const slow = new Promise<'slow'>((resolve) => setTimeout(() => resolve('slow'), patienceMs));
  const first = await Promise.race([network, slow]).catch(() => 'failed' as const);
  if (first instanceof Response && first.status < 500) return first;
  // A server error, a slow or no network: the kept copy, while the network's answer may still come and be kept.
  const kept = await match(names.pages, key);
  if (kept) {
    event.waitUntil(network.catch(() => undefined));
    return kept;
  }
  if (first instanceof Response) return first;
  const offline = () => offlinePage(langOf(event.request.url), false);
  return first === 'slow' ? network.catch(offline) : offline();
}

/** A file named by its content: the kept copy, else the network's (kept). */
async function keptFirst(event: FetchEvent, policy: OfflinePolicy): Promise<Response> {
  const kept = await match(names.files, event.request.url);
  if (kept) return kept;
  const response = await fetch(event.request);
  if (mayKeep(response, policy)) event.waitUntil(put(names.files, event.request.url, response.clone()));
  return response;
}

/** Another file: the kept copy at once and a fresh one kept for next time, else the network's. */
async function keptThenRefreshed(event: FetchEvent): Promise<Response> {
  const refreshed = fetch(event.request).then((response) => {
    if (mayKeep(response, 'asset')) event.waitUntil(put(names.files, event.request.url, response.clone()));
    return response;
  });
  const kept = await match(names.files, event.request.url);
  if (!kept) return refreshed;
  event.waitUntil(refreshed.catch(() => undefined));
  return kept;
}

/**
 * A voice clip, which the player asks for in ranges: from the kept clip when there is one; else from
 * the network, keeping the clip when the answer is all of it (the player's first request is `bytes=0-`).
 */
async function clip(event: FetchEvent): Promise<Response> {
  const { request } = event;
  const kept = await match(names.files, request.url);
  if (kept) return slice(kept, request.headers.get('Range') ?? '');
  const response = await fetch(request);
  const whole = response.status === 206 && isWholeFile(response.headers.get('Content-Range'));
  const asWhole = { status: 200, type: response.type, redirected: response.redirected, headers: response.headers };
  if (whole && mayKeep(asWhole, 'immutable')) {
    const copy = response.clone();
    const type = copy.headers.get('Content-Type') ?? 'application/octet-stream';
    event.waitUntil(copy.blob().then((body) => put(names.files, request.url, new Response(body, { headers: { 'Content-Type': type } }))));
  }
  return response;
}

/** The asked-for part of a kept file, as a 206 (or the whole file when the range is not one it can answer). */
async function slice(kept: Response, range: string): Promise<Response> {
  const body = await kept.arrayBuffer();
  const type = kept.headers.get('Content-Type') ?? 'application/octet-stream';
  const part = byteRange(range, body.byteLength);
  if (!part) return new Response(body, { headers: { 'Content-Type': type } });
  return new Response(body.slice(part.start, part.end + 1), {
    status: 206,
    headers: { 'Content-Type': type, 'Content-Range': `bytes ${part.start}-${part.end}/${body.byteLength}` },
  });
}

/** The offline page in her language (else in any language kept), with the form's note for a form. */
async function offlinePage(lang: Lang | null, form: boolean): Promise<Response> {
  const cache = await caches.open(names.pages);
  let page = lang ? await cache.match(origin + offlinePath(lang)) : undefined;
  if (!page) {
    const any = (await cache.keys()).find((r) => isOfflinePath(new URL(r.url).pathname));
    page = any && (await cache.match(any));
  }
  if (!page) return Response.error();
  if (!form) return page;
  const headers = new Headers(page.headers);
  headers.delete('Content-Length');
  headers.delete('Content-Encoding');
  return new Response(withFormNote(await page.text()), { headers });
}

/**
 * After a page has loaded: keep the files it loaded before the worker ran (they come from the
 * browser's own cache, not the network), the page itself, and her language's home and offline
 * pages. That is all that is fetched ahead: one language, two pages.
 */
async function keepVisit(pageUrl: string, files: string[]): Promise<void> {
  for (const file of files) {
    const policy = filePolicy(file, origin);
    if (policy) await keepFile(new URL(file, origin).href, policy);
  }
  const url = new URL(pageUrl, origin);
  if (url.origin !== origin) return;
  // A page asked for with a query (a channel code, a search) is a different copy: not fetched again.
  if (!url.search && offlinePolicy({ method: 'GET', url: url.href, mode: 'navigate', destination: 'document' }, origin) === 'page') {
    await keepPage(url.pathname, 'force-cache');
  }
  const lang = langOf(url.href);
  if (lang) for (const path of [homePath(lang), offlinePath(lang)]) await keepPage(path);
}

/** Keeps a file unless it is kept already. */
async function keepFile(url: string, policy: OfflinePolicy): Promise<void> {
  if (await match(names.files, url)) return;
  const response = await fetch(url).catch(() => null);
  if (response && mayKeep(response, policy)) await put(names.files, url, response);
}

/**
 * Keeps a page and its stylesheets. `default`: unless it is kept already. `force-cache`: the page she
 * has just loaded, from the browser's own cache (no new request). `no-cache`: fetched afresh.
 */
async function keepPage(path: string, mode: 'default' | 'force-cache' | 'no-cache' = 'default'): Promise<boolean> {
  const key = pageKey(origin + path);
  if (mode !== 'no-cache' && (await match(names.pages, key))) return true;
  const response = await fetch(key, { cache: mode }).catch(() => null);
  if (!response || !mayKeep(response, 'page')) return false;
  for (const sheet of stylesheetsOf(await response.clone().text())) {
    const policy = filePolicy(sheet, origin);
    if (policy) await keepFile(new URL(sheet, origin).href, policy);
  }
  await put(names.pages, key, response);
  return true;
}

async function forget(cacheName: string, key: string): Promise<void> {
  await (await caches.open(cacheName)).delete(key);
}

async function match(cacheName: string, key: string): Promise<Response | undefined> {
  return (await caches.open(cacheName)).match(key);
}

/** Keeps an answer, then drops the oldest entries past the limit (never an offline page). */
async function put(cacheName: string, key: string, response: Response): Promise<void> {
  const cache = await caches.open(cacheName);
  await cache.put(key, response);
  const limit = cacheName === names.pages ? keepAtMost.pages : keepAtMost.files;
  const keys = (await cache.keys()).filter((r) => !isOfflinePath(new URL(r.url).pathname));
  await Promise.all(keys.slice(0, Math.max(0, keys.length - limit)).map((r) => cache.delete(r)));
}
