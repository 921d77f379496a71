/**
 * The production server (`npm start`): one Node process for the whole site.
 * - static files from dist/client through sirv, using the .br/.gz files the build wrote;
 * - /_astro/* cached for a year (their names carry a content hash);
 * - security headers on every response;
 * - everything sirv does not have goes to the Astro handler (middleware mode): /api/interest;
 * - the interest form page gets a freshly signed start-time token on every request
 *   (src/server/interestFormPage.mjs), and registrations past retention are purged daily.
 * It never logs request bodies, query strings or anything a woman typed.
 */
import http from 'node:http';
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';
import { adminSecurityHeadersFor, isAdminPath, securityHeadersFor } from './securityHeaders.mjs';
import { loadSiteConfig } from './loadSiteConfig.mjs';
import { interestSettings } from './interestSettings.mjs';
import { openInterestStore } from './interestStore.mjs';
import { loadFormSecret } from './interestToken.mjs';
import { createInterestFormPage } from './interestFormPage.mjs';

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

const siteConfig = await loadSiteConfig();
const securityHeaders = securityHeadersFor(siteConfig);
// The staff admin (/admin/) has its own policy: it talks to the Git host in site.config.ts → cms.
const adminSecurityHeaders = adminSecurityHeadersFor(siteConfig);
const interest = interestSettings(siteConfig);
// Opening the store creates the data directory and the 0600 database file on first start.
const interestStore = openInterestStore({ dataDir: interest.dataDir });
const interestFormPage = createInterestFormPage(clientDir, loadFormSecret(interest.dataDir));
// The staff inbox: the same database file, migrated at start; its pages get it through locals.
const { startInbox } = await import('../inbox/startInbox.ts');
const inbox = startInbox(siteConfig);

/** Deletes registrations past the retention period; logs the count only. */
function purgeInterest() {
  try {
    const removed = interestStore.purge(interest.retentionDays);
    if (removed > 0) console.log(`interest: ${removed} registrations older than ${interest.retentionDays} days deleted`);
  } catch (error) {
    console.error(`interest: daily purge failed (${/** @type {any} */ (error).code ?? 'unknown error'})`);
  }
}
purgeInterest();
setInterval(purgeInterest, 24 * 60 * 60 * 1000).unref();

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
  fs.createReadStream(notFoundPage)
    .on('error', () => res.end('Not found'))
    .pipe(res);
}

export const server = http.createServer((req, res) => {
  const headers = isAdminPath((req.url ?? '/').split('?')[0] ?? '/') ? adminSecurityHeaders : securityHeaders;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  if (interestFormPage(req, res)) return;
  // The form posts to /api/interest; Astro routes it with the site's trailing slash.
  if (req.url === '/api/interest') req.url = '/api/interest/';
  staticFiles(req, res, () => {
    // The TCP peer goes to the rate limit: Astro's own clientAddress believes X-Forwarded-For.
    astroHandler(req, res, () => notFound(req, res), { remoteAddress: req.socket.remoteAddress, inbox });
  });
});

server.listen(port, host, () => {
  // The real port (PORT=0 asks for any free one: the receiver's tests do).
  const actual = /** @type {import('node:net').AddressInfo} */ (server.address()).port;
  console.log(`Åben Dør is running at http://${host === '0.0.0.0' ? 'localhost' : host}:${actual}/`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () =>
    server.close(() => {
      interestStore.close();
      inbox.db.close();
      process.exit(0);
    }),
  );
}
