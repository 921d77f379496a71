/**
 * The one receiver pipeline (src/forms/receiveForm.ts) with a form of its own making: the order of
 * its checks, what each answers, what it reads of the body and when, and that only a valid post
 * from a person is stored. The two real forms through the server's door: formReceiver.test.ts.
 */
import { describe, expect, it, vi } from 'vitest';
import { PassThrough } from 'node:stream';
import type { IncomingMessage } from 'node:http';
import { DatabaseSync } from 'node:sqlite';
import type { FormDefinition, FormError } from '#src/forms/formDefinition.ts';
import { createRateLimiter } from '#src/forms/formRateLimit.ts';
import { formBodyLimit } from '#src/forms/formRequestGuard.ts';
import { createFormToken, formTokenPlaceholder } from '#src/forms/formToken.ts';
import { readBodyWithLimit, readNodeBodyWithLimit } from '#src/forms/readFormBody.ts';
import { receiveForm, simpleAnswer, type FormPost, type FormRuntime } from '#src/forms/receiveForm.ts';

const secret = 'unit-only-form-secret-0123456789';
const db = new DatabaseSync(':memory:');

/** A form with one required field, "name", in Danish and English. */
function testForm(store: (data: { name: string }) => Promise<void> = async () => {}) {
  const form: FormDefinition<'da' | 'en', { name: string }, FormError, { name: string }> = {
    name: 'test',
    entry: 'a test post',
    action: '/api/test',
    path: 'test/',
    elsewhere: '/',
    langOf: (pageLang) => (pageLang === 'en' ? 'en' : 'da'),
    validate: (entries) => {
      const name = String(entries.find(([k]) => k === 'name')?.[1] ?? '');
      const errors = name ? [] : [{ field: 'name', code: 'missing', key: 'test.error.name.missing' }];
      return name ? { values: { name }, errors, data: { name } } : { values: { name }, errors };
    },
    formError: (code) => ({ field: 'form', code, key: `test.error.form.${code}` }),
    store: vi.fn(store),
    replyLocals: () => ({}),
  };
  return form;
}

const runtime = (max = 100): FormRuntime => ({
  settings: { allowedOrigins: ['https://aabendoer.example.dk'], minFillMs: 3000, maxAgeMs: 24 * 60 * 60 * 1000, trustProxyHops: 0 },
  secret,
  limiter: createRateLimiter({ max, windowMs: 60_000 }),
});
const context = (rt = runtime()) => ({ runtime: rt, database: () => db, choices: () => ({ activities: [], channels: [] }) });

const body = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const person = (fields: Record<string, string> = {}) =>
  body({ lang: 'en', token: createFormToken(secret, Date.now() - 10_000), name: 'Amal', ...fields });

/** A post as a door hands it over; `readBody` counts its calls. */
function post(text: string, headers: Record<string, string> = {}): FormPost & { reads: number } {
  const all: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded',
    origin: 'https://aabendoer.example.dk',
    host: 'aabendoer.example.dk',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  };
  const p = {
    reads: 0,
    header: (name: string) => all[name] ?? null,
    remoteAddress: '203.0.113.9',
    readBody: async () => {
      p.reads += 1;
      return { ok: true as const, bytes: new TextEncoder().encode(text) };
    },
  };
  return p;
}

describe('receiveForm()', () => {
  it('stores a valid post from a person and sends her to the thanks page in her language', async () => {
    const form = testForm();
    expect(await receiveForm(form, post(person()), context())).toEqual({ kind: 'thanks', lang: 'en' });
    expect(form.store).toHaveBeenCalledWith({ name: 'Amal' }, { db, lang: 'en' });
  });

  it('answers a declared Content-Length over the limit with 413 before reading a byte', async () => {
    const form = testForm();
    const big = post(person(), { 'content-length': String(formBodyLimit + 1) });
    expect(await receiveForm(form, big, context())).toEqual({ kind: 'plain', status: 413, text: 'Too large.' });
    expect(big.reads).toBe(0);
    expect(form.store).not.toHaveBeenCalled();
  });

  it('refuses anything but a form (415) and a post from elsewhere (403) without reading the body', async () => {
    for (const [headers, status] of [
      [{ 'content-type': 'application/json' }, 415],
      [{ origin: 'https://evil.example' }, 403],
      [{ origin: 'null', 'sec-fetch-site': 'cross-site' }, 403],
    ] as const) {
      const p = post(person(), headers);
      expect(await receiveForm(testForm(), p, context()), JSON.stringify(headers)).toMatchObject({ kind: 'plain', status });
      expect(p.reads).toBe(0);
    }
  });

  it('answers 413 when the body turns out longer than the limit', async () => {
    const p = { ...post(person(), { 'content-length': '' }), readBody: async () => ({ ok: false as const }) };
    expect(await receiveForm(testForm(), p, context())).toEqual({ kind: 'plain', status: 413, text: 'Too large.' });
  });

  it('drops bots with the same thanks, storing nothing: the honeypot, a forged token, one sent too quickly', async () => {
    const form = testForm();
    for (const fields of [
      { extra_note: 'spam' } as Record<string, string>,
      { token: `${Date.now().toString(36)}.${'A'.repeat(43)}` },
      { token: createFormToken(secret) },
      { token: '' },
    ]) {
      expect(await receiveForm(form, post(person(fields)), context())).toEqual({ kind: 'thanks', lang: 'en' });
    }
    expect(form.store).not.toHaveBeenCalled();
  });

  it('sends the form back (400) with what was typed, the errors and a fresh token', async () => {
    const answer = await receiveForm(testForm(), post(person({ name: '' })), context());
    expect(answer).toMatchObject({
      kind: 'reply',
      lang: 'en',
      reply: { kind: 'form', status: 400, values: { name: '' }, errors: [{ key: 'test.error.name.missing' }] },
    });
    expect(answer.kind === 'reply' && answer.reply.kind === 'form' && answer.reply.token).toMatch(/^[0-9a-z]+\.[A-Za-z0-9_-]{43}$/);
  });

  it('asks for the form again when the page carried the unsigned placeholder, keeping what was typed', async () => {
    const form = testForm();
    const answer = await receiveForm(form, post(person({ token: formTokenPlaceholder, lang: 'xx' })), context());
    expect(answer).toMatchObject({ kind: 'reply', lang: 'da', reply: { status: 400, errors: [{ field: 'form', code: 'expired' }] } });
    expect(form.store).not.toHaveBeenCalled();
  });

  it('answers "wait a little" (429, in her language) once a client is over the limit, before looking at the post', async () => {
    const rt = runtime(1);
    const form = testForm();
    expect((await receiveForm(form, post(person()), context(rt))).kind).toBe('thanks');
    expect(await receiveForm(form, post(person({ extra_note: 'spam' })), context(rt))).toEqual({
      kind: 'reply',
      lang: 'en',
      reply: { kind: 'busy', status: 429, retryAfterSeconds: 60 },
    });
  });

  it('sends the form back with 503 when the store fails, logging only the error’s code', async () => {
    const form = testForm(async () => {
      throw Object.assign(new Error('Amal could not be written'), { code: 'ERR_SQLITE_ERROR' });
    });
    const logged: unknown[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...args) => void logged.push(args));
    try {
      expect(await receiveForm(form, post(person()), context())).toMatchObject({
        kind: 'reply',
        reply: { status: 503, values: { name: 'Amal' }, errors: [{ key: 'test.error.form.unavailable' }] },
      });
    } finally {
      spy.mockRestore();
    }
    expect(logged).toEqual([['test: could not store a test post (ERR_SQLITE_ERROR)']]);
  });

  it('words the plain answers and the 303 the same for every form', () => {
    const form = testForm();
    expect(simpleAnswer(form, { kind: 'thanks', lang: 'en' })).toEqual({
      status: 303,
      headers: { Location: '/en/test/thanks/', 'Cache-Control': 'no-store' },
      body: null,
    });
    expect(simpleAnswer(form, { kind: 'plain', status: 415, text: 'Send the form as a form.' })).toEqual({
      status: 415,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
      body: 'Send the form as a form.\n',
    });
  });
});

describe('reading a body within the limit', () => {
  it('cuts a chunked web body off once it passes the limit, and stops pulling from it', async () => {
    let pulled = 0;
    const endless = new ReadableStream({
      pull(c) {
        pulled += 1;
        c.enqueue(new Uint8Array(4096));
      },
    });
    const request = new Request('http://x/', { method: 'POST', body: endless, duplex: 'half' } as RequestInit);
    expect(await readBodyWithLimit(request, formBodyLimit)).toEqual({ ok: false });
    // Five chunks of 4 KB pass 16 KB; the stream may have one more queued, never the rest.
    expect(pulled).toBeLessThanOrEqual(7);
  });

  it('refuses a web body whose declared length is over the limit without reading it', async () => {
    let pulled = 0;
    const stream = new ReadableStream({
      pull(c) {
        pulled += 1;
        c.enqueue(new Uint8Array(16));
        c.close();
      },
    });
    const request = new Request('http://x/', {
      method: 'POST',
      body: stream,
      headers: { 'content-length': String(formBodyLimit + 1) },
      duplex: 'half',
    } as RequestInit);
    expect(await readBodyWithLimit(request, formBodyLimit)).toEqual({ ok: false });
    expect(pulled).toBeLessThanOrEqual(1);
  });

  it('cuts a chunked Node body off once it passes the limit: nothing of it is kept, the rest is drained', async () => {
    const req = new PassThrough();
    const read = readNodeBodyWithLimit(req as unknown as IncomingMessage, formBodyLimit);
    for (let i = 0; i < 5; i++) req.write(Buffer.alloc(4096, 'x'));
    expect(await read).toEqual({ ok: false });
    // What still comes is read and dropped: the stream flows on and ends without anyone keeping it.
    req.end(Buffer.alloc(4096, 'y'));
    await new Promise((resolve) => req.once('end', resolve));
    expect(req.readableFlowing).toBe(true);
  });

  it('reads a Node body within the limit whole', async () => {
    const req = new PassThrough();
    const read = readNodeBodyWithLimit(req as unknown as IncomingMessage, formBodyLimit);
    req.end('name=Amal&lang=en');
    const result = await read;
    expect(result.ok && Buffer.from(result.bytes).toString()).toBe('name=Amal&lang=en');
  });
});
