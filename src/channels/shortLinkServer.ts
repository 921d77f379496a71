/**
 * The server's side of the channels: /r/<code> (302, src/channels/shortLink.ts; a GET counts, a HEAD
 * is answered the same without counting, anything else is 405), and any
 * page asked for with a known ?via=<code> sent with that code on its links (src/channels/carryVia.ts),
 * so the code reaches the form however she browses there, with no cookie and no script.
 * Nothing about the visitor is read or kept: no address, no cookie, no user agent.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendFreshHtml } from '#src/interest/interestFormPage.ts';
import { carryVia, viaCode } from './carryVia.ts';
import type { Channel } from './channelSchema.ts';
import { resolveShortLink } from './shortLink.ts';

type Handler = (req: IncomingMessage, res: ServerResponse) => boolean;

/**
 * Answers /r/…; for a GET, `countVisit` adds one to a known code or the unknown bucket for the
 * client that asked (src/channels/visitCounter.ts; a failure never stops the redirect).
 */
export function createShortLinks(channels: readonly Channel[], countVisit: (code: string, req: IncomingMessage) => void): Handler {
  const known = new Map(channels.map((c) => [c.code, { lang: c.lang }]));
  return (req, res) => {
    const pathname = (req.url ?? '').split('?')[0] ?? '';
    if (pathname !== '/r' && !pathname.startsWith('/r/')) return false;
    res.setHeader('Cache-Control', 'no-store');
    // A link is followed with GET; a link checker asks with HEAD (answered, never counted).
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('GET only\n');
      return true;
    }
    const answer = resolveShortLink(pathname, known);
    if (answer.status === 404) {
      res.statusCode = 404;
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end(req.method === 'HEAD' ? undefined : 'Not found\n');
      return true;
    }
    try {
      if (req.method === 'GET') countVisit(answer.counted, req);
    } catch (error) {
      console.error(`channels: a visit could not be counted (${(error as { code?: string }).code ?? 'unknown error'})`);
    }
    res.statusCode = 302;
    res.setHeader('Location', answer.location);
    res.end();
    return true;
  };
}

/** Sends a built page with ?via=<code> on its links, when asked for with a known code; else leaves the request alone. */
export function createViaPages(clientDir: string, knownCodes: ReadonlySet<string>): Handler {
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const [pathname = '', query = ''] = (req.url ?? '').split('?');
    const via = viaCode(query, knownCodes);
    if (!via || !/^\/(?:[a-z]{2,3}\/(?:[a-z0-9-]+\/)*)?$/.test(pathname)) return false;
    const file = path.join(clientDir, ...pathname.split('/').filter(Boolean), 'index.html');
    if (!file.startsWith(clientDir) || !fs.existsSync(file)) return false;
    sendFreshHtml(req, res, carryVia(fs.readFileSync(file, 'utf8'), via));
    return true;
  };
}
