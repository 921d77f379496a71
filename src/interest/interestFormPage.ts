/**
 * Serves /<lang>/interest/ (and the partner referral, /<da|en>/partners/refer/) with a fresh signed
 * start-time token in place of the placeholder the build left in it, so the receiver can tell a
 * person (who needs a few seconds) from a bot. Asked for with a known ?via=<code>, the page also
 * carries that channel code in its hidden field (src/channels/carryVia.ts): no cookie, no script.
 * The page is never cached (each copy carries its own time); it is compressed here because the
 * build's precompressed copies hold the placeholder.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createFormToken, formTokenPlaceholder } from '#src/forms/formToken.ts';
import { carryVia, viaCode } from '#src/channels/carryVia.ts';

const formPath = /^\/([a-z]{2,3})\/(interest|partners\/refer)(?:\/|\/index\.html)?$/;

/**
 * A request handler for the built pages in `clientDir` (dist/client), signing with `secret` (the
 * form secret): it answers and returns true when the request is for the form page, else returns false.
 */
export function createInterestFormPage(
  clientDir: string,
  secret: string,
  knownCodes: ReadonlySet<string> = new Set(),
): (req: IncomingMessage, res: ServerResponse) => boolean {
  const pages = new Map<string, string | null>();

  function template(lang: string, page: string): string | null {
    const key = `${lang}/${page}`;
    if (!pages.has(key)) {
      const file = path.join(clientDir, lang, ...page.split('/'), 'index.html');
      const html = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
      pages.set(key, html && html.includes(formTokenPlaceholder) ? html : null);
    }
    return pages.get(key) ?? null;
  }

  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const [pathname = '', query = ''] = (req.url ?? '').split('?');
    const match = formPath.exec(pathname);
    const html = match ? template(match[1] ?? '', match[2] ?? '') : null;
    if (!html) return false;

    const via = viaCode(query, knownCodes);
    const signed = html.replaceAll(formTokenPlaceholder, createFormToken(secret));
    sendFreshHtml(req, res, via ? carryVia(signed, via) : signed);
    return true;
  };
}

/** Sends HTML made for this one request: never cached, compressed here (the build's .br/.gz are of the template). */
export function sendFreshHtml(req: IncomingMessage, res: ServerResponse, html: string): void {
  const body = Buffer.from(html);
  const accepts = String(req.headers['accept-encoding'] ?? '');
  res.statusCode = 200;
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Vary', 'Accept-Encoding');
  let out = body;
  if (/\bbr\b/.test(accepts)) {
    out = zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } });
    res.setHeader('Content-Encoding', 'br');
  } else if (/\bgzip\b/.test(accepts)) {
    out = zlib.gzipSync(body);
    res.setHeader('Content-Encoding', 'gzip');
  }
  res.setHeader('Content-Length', out.length);
  res.end(req.method === 'HEAD' ? undefined : out);
}
