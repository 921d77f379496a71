/**
 * The built site's files from dist/client, through sirv: the .br/.gz copies the build wrote are
 * sent when the browser accepts them, /_astro/* is cached for a year (the names carry a content
 * hash), the offline worker for a day (src/browser/serviceWorkerUrl.ts), pages are revalidated on
 * every visit, and a miss answers with the site's 404 page.
 * The files are indexed once, when the handler is made (a release's files never change);
 * `indexed: false` looks each request up on disk instead (an older release's assets, asked for rarely).
 */
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import sirv from 'sirv';
import { isHashedAsset, serviceWorkerCacheControl, serviceWorkerUrl } from '#src/browser/serviceWorkerUrl.ts';

export type Handler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/** The static file handler for `clientDir`; `next` runs when no file matches. */
export function createStaticFiles(clientDir: string, { indexed = true }: { indexed?: boolean } = {}): Handler {
  return sirv(clientDir, {
    dev: !indexed,
    brotli: true,
    gzip: true,
    etag: true,
    extensions: ['html'],
    setHeaders(res, pathname) {
      if (isHashedAsset(pathname)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      else if (pathname === serviceWorkerUrl) res.setHeader('Cache-Control', serviceWorkerCacheControl);
      else if (pathname.endsWith('.html') || pathname.endsWith('/')) res.setHeader('Cache-Control', 'no-cache');
    },
  });
}

/** Answers 404 with the site's own page (dist/client/404.html). */
export function createNotFound(clientDir: string): (res: ServerResponse) => void {
  const notFoundPage = path.join(clientDir, '404.html');
  return (res) => {
    res.statusCode = 404;
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    fs.createReadStream(notFoundPage)
      .on('error', () => res.end('Not found'))
      .pipe(res);
  };
}
