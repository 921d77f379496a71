/**
 * Reading a form post's body: with a size limit (a web Request for Astro's endpoints, a Node
 * request for the server's own door), and parsing it into ordered entries.
 */
import type { IncomingMessage } from 'node:http';
import { formBodyLimit } from './formRequestGuard.ts';

/** The body, or `ok: false` once it passes the limit. */
export type BodyRead = { ok: true; bytes: Uint8Array } | { ok: false };

/**
 * Reads a request body, giving up as soon as it passes `limit` bytes.
 */
export async function readBodyWithLimit(request: Request, limit = formBodyLimit): Promise<BodyRead> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > limit) {
    await request.body?.cancel().catch(() => {});
    return { ok: false };
  }
  if (!request.body) return { ok: true, bytes: new Uint8Array() };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let step;
    try {
      step = await reader.read();
    } catch {
      // The adapter's own size limit (or a broken connection) ends the stream with an error.
      return { ok: false };
    }
    if (step.done) break;
    size += step.value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return { ok: false };
    }
    chunks.push(step.value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}

/**
 * Reads a Node request's body (the server's own door to the receiver), giving up as soon as it
 * passes `limit` bytes: then the rest is read and dropped, never kept.
 */
export function readNodeBodyWithLimit(req: IncomingMessage, limit = formBodyLimit): Promise<BodyRead> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > limit) {
        done({ ok: false });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => done({ ok: true, bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size) });
    // A broken connection: nothing to answer, nothing stored.
    const onError = () => done({ ok: false });
    const done = (result: BodyRead) => {
      req.off('data', onData).off('end', onEnd).off('error', onError).off('aborted', onError);
      if (!result.ok) {
        chunks.length = 0;
        // Whatever else comes is read and dropped, as Node does with any body nobody reads.
        req.resume();
      }
      resolve(result);
    };
    req.on('data', onData).on('end', onEnd).on('error', onError).on('aborted', onError);
  });
}

// "application/x-www-form-urlencoded", parameters at most, no comma (Fetch reads a comma as a
// second type) and HTTP whitespace only: what Response.formData() surely reads as that type.
const plainUrlencoded = /^[\t\n\r ]*application\/x-www-form-urlencoded[\t\n\r ]*(;[^,]*)?$/i;

/** Every value sent under `name`, in order (parseFormBody's entries). */
export function allOf(entries: [string, FormDataEntryValue][], name: string): FormDataEntryValue[] {
  return entries.filter(([k]) => k === name).map(([, v]) => v);
}

/**
 * Parses a form body into ordered entries (repeats kept, so the validator can refuse them).
 * URL-encoded bodies (what her browser sends) are parsed here exactly as Response.formData() does
 * (UTF-8 decoded, then URLSearchParams), without a Response; multipart and anything unusual go
 * through Response.formData() itself.
 */
export async function parseFormBody(bytes: Uint8Array, contentType: string): Promise<[string, FormDataEntryValue][]> {
  if (plainUrlencoded.test(contentType)) {
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    return [...new URLSearchParams(text)];
  }
  const form = await new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { 'content-type': contentType } }).formData();
  return [...form.entries()];
}
