/**
 * Serves /<lang>/interest/ with a fresh signed start-time token in place of the placeholder the
 * build left in it, so the receiver can tell a person (who needs a few seconds) from a bot.
 * The page is never cached (each copy carries its own time); it is compressed here because the
 * build's precompressed copies hold the placeholder.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createFormToken, formTokenPlaceholder } from './interestToken.ts';

const formPath = /^\/([a-z]{2,3})\/interest(?:\/|\/index\.html)?$/;

/**
 * A request handler for the built pages in `clientDir` (dist/client), signing with `secret` (the
 * form secret): it answers and returns true when the request is for the form page, else returns false.
 */
export function createInterestFormPage(clientDir: string, secret: string): (req: IncomingMessage, res: ServerResponse) => boolean {
  const pages = new Map<string, string | null>();

  function template(lang: string): string | null {
    if (!pages.has(lang)) {
      const file = path.join(clientDir, lang, 'interest', 'index.html');
      const html = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
      pages.set(lang, html && html.includes(formTokenPlaceholder) ? html : null);
    }
    return pages.get(lang) ?? null;
  }

  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const match = formPath.exec((req.url ?? '').split('?')[0] ?? '');
    const html = match ? template(match[1] ?? '') : null;
    if (!html) return false;

    const body = Buffer.from(html.replaceAll(formTokenPlaceholder, createFormToken(secret)));
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
    return true;
  };
}
