/**
 * The production server (`npm start`): one Node process for the whole site.
 * - static files from dist/client (./staticFiles.ts);
 * - security headers on every response, the ones that apply to it (src/config/securityHeaders.ts);
 * - POST /api/interest, the "call me back" form, is answered here before Astro
 *   (src/interest/interestReceiver.ts; its rules: src/interest/receiveInterest.ts), with the
 *   interest store, secret and rate limiter this process opened once; only an answer that is a page
 *   in her language (the form again, "wait a little") is rendered by Astro; the database's WAL
 *   checkpoints run on a worker thread (src/store/walCheckpoints.ts), not inside a post's commit;
 * - everything sirv does not have goes to the Astro handler (middleware mode), which gets the
 *   same store, secret and limiter (`locals`);
 * - the interest form page gets a freshly signed start-time token on every request
 *   (src/interest/interestFormPage.ts), and registrations past retention are purged daily;
 * - /r/<code> short links redirect and count, and ?via=<code> travels from page to page to the
 *   forms (src/channels/shortLinkServer.ts).
 * - the staff inbox (/inbox/) gets the same database and its mail notices (src/inbox/startInbox.ts).
 * - GET /healthz answers first, for monitors (./healthz.ts); before the database opens, a release
 *   that will migrate it backs it up, and a database newer than the code stops the start (./upgradeOnStart.ts).
 * It never logs request bodies, query strings or anything a woman typed.
 */
import http from 'node:http';
import path from 'node:path';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { siteConfig } from '#site.config.ts';
import { adminSecurityHeadersFor, headersForPath, isAdminPath, securityHeadersFor } from '#src/config/securityHeaders.ts';
import { createInterestFormPage } from '#src/interest/interestFormPage.ts';
import { openInterestRuntime } from '#src/interest/interestRuntime.ts';
import { createInterestReceiver } from '#src/interest/interestReceiver.ts';
import { activitySlugsIn } from '#src/interest/activityChoices.ts';
import { startInbox } from '#src/inbox/startInbox.ts';
import { readChannels } from '#src/channels/readChannels.ts';
import { createShortLinks, createViaPages } from '#src/channels/shortLinkServer.ts';
import { channelCounts } from '#src/store/channelCounts.ts';
import { checkpointOffThread } from '#src/store/walCheckpoints.ts';
import { createNotFound, createStaticFiles } from './staticFiles.ts';
import { createHealthz } from './healthz.ts';
import { upgradeOnStart } from './upgradeOnStart.ts';

type AstroHandler = (
  req: http.IncomingMessage,
  res: http.ServerResponse,
  next: () => void,
  locals: Pick<App.Locals, 'remoteAddress' | 'interest' | 'inbox' | 'interestReply'>,
) => void;

const root = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
const distDir = process.env.DIST_DIR ? path.resolve(process.env.DIST_DIR) : path.join(root, 'dist');
const clientDir = path.join(distDir, 'client');
const port = Number(process.env.PORT ?? 4321);
const host = process.env.HOST ?? '127.0.0.1';

if (!fs.existsSync(path.join(distDir, 'server', 'entry.mjs'))) {
  console.error(`No build found in ${distDir}. Run "npm run build" first (npm start does both).`);
  process.exit(1);
}

const { handler: astroHandler } = (await import(path.join(distDir, 'server', 'entry.mjs'))) as { handler: AstroHandler };

const securityHeaders = securityHeadersFor(siteConfig);
// The staff admin (/admin/) has its own policy: it talks to the Git host in site.config.ts → cms.
const adminSecurityHeaders = adminSecurityHeadersFor(siteConfig);
// Opening the store creates the data directory and the 0600 database file on first start.
// The store runs the versioned migrations (src/store/migrations.ts) before anything reads it.
// A database this release will migrate is backed up first; one newer than this code is refused.
await upgradeOnStart();
const interest = openInterestRuntime(siteConfig);
const healthz = createHealthz({ store: interest.store, dataDir: interest.settings.dataDir, distDir, root });
// WAL checkpoints on a worker thread: never again ~4 MB copied and fsynced inside one post's commit.
const checkpoints = checkpointOffThread(interest.store.db, interest.store.file);
// The staff inbox works on the same open database; its pages get it through locals.
const inbox = startInbox(siteConfig, interest.store.db);
// The recruitment channels the build made flyers for (content/channels.yaml, checked like the build checks it).
const channels = readChannels(path.join(root, 'content', 'channels.yaml'), root);
const channelCodes = new Set(channels.map((c) => c.code));
const counts = channelCounts(inbox.db);
const shortLinks = createShortLinks(channels, (code) => counts.countVisit(code));
const viaPages = createViaPages(clientDir, channelCodes);
const interestFormPage = createInterestFormPage(clientDir, interest.secret, channelCodes);
const staticFiles = createStaticFiles(clientDir);
const notFound = createNotFound(clientDir);
/** Astro renders the request. The TCP peer goes to the rate limit: Astro's own clientAddress believes X-Forwarded-For. */
const toAstro = (req: http.IncomingMessage, res: http.ServerResponse, locals: Record<string, unknown> = {}) =>
  astroHandler(req, res, () => notFound(res), { remoteAddress: req.socket.remoteAddress, interest, inbox, ...locals });
const interestReceiver = createInterestReceiver({
  runtime: interest,
  db: inbox.db,
  // What the form may send: the activities' Danish source files and the channels above.
  choices: { activities: activitySlugsIn(path.join(root, 'content', 'activities', 'da')), channels: [...channelCodes] },
  renderReply: (req, res, interestReply) => toAstro(req, res, { interestReply }),
});

/** Deletes registrations past the retention period; logs the count only. */
function purgeInterest() {
  const { retentionDays } = interest.settings;
  try {
    const removed = interest.store.purge(retentionDays);
    if (removed > 0) console.log(`interest: ${removed} registrations older than ${retentionDays} days deleted`);
  } catch (error) {
    console.error(`interest: daily purge failed (${(error as { code?: string }).code ?? 'unknown error'})`);
  }
}
purgeInterest();
setInterval(purgeInterest, 24 * 60 * 60 * 1000).unref();

export const server = http.createServer((req, res) => {
  if (healthz(req, res)) return;
  const pathname = (req.url ?? '/').split('?')[0] ?? '/';
  const headers = headersForPath(pathname, isAdminPath(pathname) ? adminSecurityHeaders : securityHeaders);
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  if (interestReceiver(req, res) || shortLinks(req, res) || interestFormPage(req, res) || viaPages(req, res)) return;
  // The forms post to /api/interest and /api/referral; Astro routes them with the site's trailing slash.
  if (req.url === '/api/interest' || req.url === '/api/referral') req.url = `${req.url}/`;
  staticFiles(req, res, () => toAstro(req, res));
});

server.listen(port, host, () => {
  // The real port (PORT=0 asks for any free one: the receiver's tests do).
  const actual = (server.address() as AddressInfo).port;
  console.log(`Åben Dør is running at http://${host === '0.0.0.0' ? 'localhost' : host}:${actual}/`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () =>
    server.close(async () => {
      await checkpoints.stop();
      interest.store.close();
      process.exit(0);
    }),
  );
}
