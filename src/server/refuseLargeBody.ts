/**
 * The server's first answer to a body too large for any endpoint (src/forms/formRequestGuard.ts
 * requestBodyLimit): 413 from the declared Content-Length alone, before it waits for the body. A
 * chunked body (no length) goes on; Astro's adapter stops it at the same limit (astro.config.mjs
 * `bodySizeLimit`).
 *
 * What happens to the rest depends on its size. Up to `drainLimit` (1 MB) the rest is read and
 * thrown away after the answer: a socket closed with unread bytes in it is reset by the kernel,
 * and a proxy that was still sending the body (Caddy) then answers 502 instead of our 413. Over
 * that, the connection is closed at once so the rest is never read. A rest that stops coming (Caddy
 * stops sending once it has our answer) is waited for `drainTimeoutMs`, then the connection is
 * closed: it would otherwise stay open until Node's 5-minute request timeout.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { requestBodyLimit } from '#src/forms/formRequestGuard.ts';

/** A declared body up to this size is read and discarded after the 413; a larger one closes the connection. */
const drainLimit = 1024 * 1024;

/** How long the rest of a refused body may take to arrive before the connection is closed. */
const drainTimeoutMs = 10_000;

/** Answers 413 and returns true when `req` declares a body over `limit` bytes. */
export function refuseLargeBody(req: IncomingMessage, res: ServerResponse, limit = requestBodyLimit, drainMs = drainTimeoutMs): boolean {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (!(declared > limit)) return false;
  const close = declared > drainLimit;
  res.writeHead(413, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    ...(close ? { Connection: 'close' } : {}),
  });
  res.end('Too large.\n');
  if (!close) {
    const stalled = setTimeout(() => req.socket.destroy(), drainMs);
    req.once('close', () => clearTimeout(stalled));
    req.resume();
  }
  return true;
}
