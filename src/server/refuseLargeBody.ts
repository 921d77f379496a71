/**
 * The server's first answer to a body too large for any endpoint (src/forms/formRequestGuard.ts
 * requestBodyLimit): 413 from the declared Content-Length alone, before a byte of the body is
 * read, and the connection closed so the rest is never read either. A chunked body (no length)
 * goes on; Astro's adapter stops it at the same limit (astro.config.mjs `bodySizeLimit`).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { requestBodyLimit } from '#src/forms/formRequestGuard.ts';

/** Answers 413 and returns true when `req` declares a body over `limit` bytes. */
export function refuseLargeBody(req: IncomingMessage, res: ServerResponse, limit = requestBodyLimit): boolean {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (!(declared > limit)) return false;
  res.writeHead(413, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'close' });
  res.end('Too large.\n');
  return true;
}
