/**
 * Offline reading: registers the service worker (/sw.js, serviceWorker.ts) once the page has fully
 * loaded, so it never competes with the page for her data, and tells it which page she opened and
 * which files it loaded before the worker ran (they are kept from the browser's own cache). Part of
 * the public pages' script (site.ts): the staff pages never register it. The worker must sit at the
 * site's root to look after every /<lang>/ page; it is a script from our own origin, which the
 * Content-Security-Policy allows (worker-src falls back to script-src 'self').
 */
import { serviceWorkerUrl } from './serviceWorkerUrl.ts';

export function startOfflineReading(): void {
  if (!('serviceWorker' in navigator) || !('caches' in window)) return;
  const start = () => {
    navigator.serviceWorker
      // 'all': the worker's own file may come from the browser's cache for a day (serviceWorkerUrl.ts).
      .register(serviceWorkerUrl, { updateViaCache: 'all' })
      .then(() => navigator.serviceWorker.ready)
      .then((registration) => {
        const files = performance
          .getEntriesByType('resource')
          .map((entry) => entry.name)
          .filter((name) => name.startsWith(`${location.origin}/`));
        registration.active?.postMessage({ keep: location.href, files });
      })
      // No worker (an old browser, private mode, the dev server): the site works as it did.
      .catch(() => undefined);
  };
  if (document.readyState === 'complete') start();
  else addEventListener('load', start, { once: true });
}
