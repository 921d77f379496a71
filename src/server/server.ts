/**
 * The production server (`npm start`): one Node process for the whole site.
 * - the live release from `npm run publish` ($DATA_DIR/releases/current), followed without a
 *   restart, else the build in dist/ (./liveRelease.ts);
 * - static files from its client/ (./staticFiles.ts);
 * - security headers on every response, the ones that apply to it (src/server/securityHeaders.ts);
 * - POST /api/interest and /api/referral, the public forms, are answered here before Astro
 *   (src/forms/formReceiver.ts; their rules: src/forms/receiveForm.ts), with the
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
 * - with an https PUBLIC_ORIGIN every response carries HSTS; a plain-http one on a real name is
 *   refused at start (src/site/publicOrigin.ts); a body over 64 KB is refused before it is read
 *   (./refuseLargeBody.ts); behind TRUST_PROXY proxies every limit counts the address our proxy
 *   saw (src/forms/clientAddress.ts).
 * It never logs request bodies, query strings or anything a woman typed.
 */
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { siteConfig } from '#site.config.ts';
import {
  adminSecurityHeadersFor,
  headersForPath,
  isAdminPath,
  securityHeadersFor,
  transportSecurityHeaders,
} from '#src/server/securityHeaders.ts';
import { insecureOriginProblem, publicOrigin } from '#src/site/publicOrigin.ts';
import { clientAddress, trustedProxyHops } from '#src/forms/clientAddress.ts';
import { clientKey } from '#src/forms/formRateLimit.ts';
import { createVisitCounter } from '#src/channels/visitCounter.ts';
import { createInterestFormPage } from '#src/interest/interestFormPage.ts';
import { openInterestRuntime } from '#src/interest/interestRuntime.ts';
import { createFormReceiver } from '#src/forms/formReceiver.ts';
import { interestForm } from '#src/interest/interestForm.ts';
import { referralForm } from '#src/referral/referralForm.ts';
import { activitySlugsIn } from '#src/interest/activityChoices.ts';
import { startInbox } from '#src/inbox/startInbox.ts';
import { readChannels } from '#src/channels/readChannels.ts';
import { createShortLinks, createViaPages } from '#src/channels/shortLinkServer.ts';
import { channelCounts } from '#src/store/channelCounts.ts';
import { checkpointOffThread } from '#src/store/walCheckpoints.ts';
import { resolveDataDir } from '#src/store/openStore.ts';
import { distDir } from './distDir.ts';
import { refuseLargeBody } from './refuseLargeBody.ts';
import { openLiveRelease } from './liveRelease.ts';
import { releasesDirIn } from './releases.ts';
import { createHealthz } from './healthz.ts';
import { upgradeOnStart } from './upgradeOnStart.ts';

const root = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
const port = Number(process.env.PORT ?? 4321);
const host = process.env.HOST ?? '127.0.0.1';

const origin = publicOrigin(siteConfig);
const originProblem = insecureOriginProblem(origin);
if (originProblem) {
  console.error(originProblem);
  process.exit(1);
}
const trustProxyHops = trustedProxyHops();
/** The client's address, for every per-client limit (src/forms/clientAddress.ts). */
const clientOf = (req: http.IncomingMessage) =>
  clientAddress({ remoteAddress: req.socket.remoteAddress, forwardedFor: req.headers['x-forwarded-for'], trustProxyHops });

// The live release (a publish switches it while the server runs), else dist/; DIST_DIR set by hand pins it.
const live = await openLiveRelease({
  releasesDir: releasesDirIn(resolveDataDir()),
  distDir: distDir(root),
  pinned: Boolean(process.env.DIST_DIR?.trim()),
}).catch((error: Error) => {
  console.error(`${error.message} Run "npm run build" first (npm start does both).`);
  process.exit(1);
});

const transportHeaders = transportSecurityHeaders(origin);
const securityHeaders = securityHeadersFor(siteConfig);
// The staff admin (/admin/) has its own policy: it talks to the Git host in site.config.ts → cms.
const adminSecurityHeaders = adminSecurityHeadersFor(siteConfig);
// Opening the store creates the data directory and the 0600 database file on first start.
// The store runs the versioned migrations (src/store/migrations.ts) before anything reads it.
// A database this release will migrate is backed up first; one newer than this code is refused.
await upgradeOnStart();
const interest = openInterestRuntime(siteConfig);
const healthz = createHealthz({ store: interest.store, dataDir: interest.settings.dataDir, distDir: distDir(root), root });
// WAL checkpoints on a worker thread: never again ~4 MB copied and fsynced inside one post's commit.
const checkpoints = checkpointOffThread(interest.store.db, interest.store.file);
// The staff inbox works on the same open database; its pages get it through locals.
const inbox = startInbox(siteConfig, interest.store.db);
// The recruitment channels the build made flyers for (content/channels.yaml, checked like the build checks it).
const channels = readChannels(path.join(root, 'content', 'channels.yaml'), root);
const channelCodes = new Set(channels.map((c) => c.code));
const counts = channelCounts(inbox.db);
// Visits are written every few seconds and at shutdown; one client counts at most 20 an hour.
const visits = createVisitCounter({ write: (batch) => counts.addVisits(batch) });
const shortLinks = createShortLinks(channels, (code, req) => visits.count(code, clientKey({ remoteAddress: clientOf(req) })));
const viaPages = live.follow(({ clientDir }) => createViaPages(clientDir, channelCodes));
const interestFormPage = live.follow(({ clientDir }) => createInterestFormPage(clientDir, interest.secret, channelCodes));
/** Astro renders the request. Our client address goes to the rate limits: Astro's own clientAddress believes any X-Forwarded-For. */
const toAstro = (req: http.IncomingMessage, res: http.ServerResponse, locals: Record<string, unknown> = {}) => {
  const { astro, notFound } = live.current;
  astro(req, res, () => notFound(res), { clientAddress: clientOf(req), interest, inbox, ...locals });
};
const formReceiver = createFormReceiver({
  forms: [interestForm, referralForm],
  runtime: interest,
  db: inbox.db,
  // What the forms may send: the activities' Danish source files and the channels above.
  choices: { activities: activitySlugsIn(path.join(root, 'content', 'activities', 'da')), channels: [...channelCodes] },
  renderReply: (req, res, replyLocals) => toAstro(req, res, replyLocals),
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

const handleRequest: http.RequestListener = (req, res) => {
  if (healthz(req, res)) return;
  const pathname = (req.url ?? '/').split('?')[0] ?? '/';
  const headers = headersForPath(pathname, isAdminPath(pathname) ? adminSecurityHeaders : securityHeaders);
  for (const [name, value] of Object.entries({ ...headers, ...transportHeaders })) res.setHeader(name, value);
  if (refuseLargeBody(req, res)) return;
  if (formReceiver(req, res) || shortLinks(req, res) || interestFormPage(req, res) || viaPages(req, res)) return;
  // The forms post to /api/interest and /api/referral; Astro routes them with the site's trailing slash.
  if (req.url === '/api/interest' || req.url === '/api/referral') req.url = `${req.url}/`;
  live.staticFiles(req, res, () => toAstro(req, res));
};

// A request that comes just after `npm run publish` switched waits for the new release (./liveRelease.ts).
export const server = http.createServer(live.serve(handleRequest));

server.listen(port, host, () => {
  // The real port (PORT=0 asks for any free one: the receiver's tests do).
  const actual = (server.address() as AddressInfo).port;
  console.log(`Åben Dør is running at http://${host === '0.0.0.0' ? 'localhost' : host}:${actual}/`);
});

/**
 * How long a stop (systemctl stop or restart: SIGTERM) waits for requests in flight before it
 * closes their connections. A connection a client or proxy holds open with a body half sent (a
 * 413's unread rest that Caddy stopped sending) would otherwise keep the process alive until
 * Node's 5-minute request timeout, and systemd would kill it with the database open.
 */
const stopGraceMs = 5_000;

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    // A second signal (Ctrl-C twice) does not wait for the grace period.
    if (stopping) return server.closeAllConnections();
    stopping = true;
    server.close(() => {
      visits.stop();
      // A checkpoint that cannot stop cleanly still ends the process, with a non-zero code.
      checkpoints
        .stop()
        .then(() => {
          interest.store.close();
          process.exit(0);
        })
        .catch((error: unknown) => {
          console.error(`server: stopping the WAL checkpoints failed (${(error as { code?: string }).code ?? 'unknown error'})`);
          process.exit(1);
        });
    });
    // Idle keep-alive connections (a proxy's pool) go now; busy ones get the grace period.
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), stopGraceMs).unref();
  });
}
