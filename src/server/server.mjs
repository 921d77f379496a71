/**
 * The production server (`npm start`): one Node process for the whole site.
 * - static files from dist/client through sirv, using the .br/.gz files the build wrote;
 * - /_astro/* cached for a year (their names carry a content hash);
 * - security headers on every response;
 * - everything sirv does not have goes to the Astro handler (middleware mode): /api/interest.
 * It never logs request bodies, query strings or anything a woman typed.
 */
import http from 'node:http';
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';
import { securityHeaders } from './securityHeaders.mjs';

const root = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
const distDir = process.env.DIST_DIR ? path.resolve(process.env.DIST_DIR) : path.join(root, 'dist');
const clientDir = path.join(distDir, 'client');
const port = Number(process.env.PORT ?? 4321);
const host = process.env.HOST ?? '127.0.0.1';

if (!fs.existsSync(path.join(distDir, 'server', 'entry.mjs'))) {
  console.error(`No build found in ${distDir}. Run "npm run build" first (npm start does both).`);
  process.exit(1);
}

const { handler: astroHandler } = await import(path.join(distDir, 'server', 'entry.mjs'));

const notFoundPage = path.join(clientDir, '404.html');

const staticFiles = sirv(clientDir, {
  brotli: true,
  gzip: true,
  etag: true,
  extensions: ['html'],
  setHeaders(res, pathname) {
    if (pathname.startsWith('/_astro/')) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    else if (pathname.endsWith('.html') || pathname.endsWith('/')) res.setHeader('Cache-Control', 'no-cache');
  },
});

/** @param {http.IncomingMessage} req @param {http.ServerResponse} res */
function notFound(_req, res) {
  res.statusCode = 404;
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  fs.createReadStream(notFoundPage).on('error', () => res.end('Not found')).pipe(res);
}

export const server = http.createServer((req, res) => {
  for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
  staticFiles(req, res, () => {
    astroHandler(req, res, () => notFound(req, res));
  });
});

server.listen(port, host, () => {
  console.log(`Åben Dør is running at http://${host === '0.0.0.0' ? 'localhost' : host}:${port}/`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
