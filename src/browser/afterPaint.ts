/**
 * The public pages' scripts load after the first paint. A `<script defer>` is fetched while the
 * page is parsed, and Lighthouse's model of a slow phone then counts its download before the
 * largest paint (about 0.2–0.5 s on a Latin page, docs/performance.md). Nothing on the pages needs
 * a script to be read: every script only improves what already works without it.
 *
 * So each page carries one small inline loader (this text, with the script URLs in `data-src`),
 * last in <body>, where the whole page has been parsed. It waits until the browser reports the
 * first paint as shown on the screen (a `paint` performance entry; where a browser has none,
 * the next frame), then adds the scripts in order. Waiting for the next frame alone was not
 * enough: the frame is shown some tens of milliseconds after its callbacks run, and a script
 * fetched in between still counted as before the paint. When all have run it marks
 * `<html data-after-paint="ready">` (the browser tests wait for that mark before they use a
 * script's feature). A page opened in the background is not painted, so its scripts load when
 * she looks at it.
 *
 * The text is fixed (the URLs are in the attribute), so the Content-Security-Policy allows it by
 * its hash and still allows no other inline script. Keep it ES5 (older WebViews on cheap phones
 * run it); the hash is computed from this text, so an edit needs nothing else.
 */
import { createHash } from 'node:crypto';

export const afterPaintLoader =
  "(function(d,w){var s=d.currentScript.dataset.src.split(' '),n=s.length,P=w.PerformanceObserver;" +
  "function go(){s.forEach(function(u){var e=d.createElement('script');e.src=u;e.async=!1;" +
  "e.onload=function(){--n||d.documentElement.setAttribute('data-after-paint','ready')};d.head.appendChild(e)})}" +
  'function later(){setTimeout(go)}' +
  "if(P&&(P.supportedEntryTypes||[]).indexOf('paint')>=0)" +
  "new P(function(l,o){o.disconnect();later()}).observe({type:'paint',buffered:!0});" +
  'else requestAnimationFrame(later)})(document,window)';

/** The CSP source that allows exactly the loader above. */
export const afterPaintLoaderSource = `'sha256-${createHash('sha256').update(afterPaintLoader).digest('base64')}'`;
