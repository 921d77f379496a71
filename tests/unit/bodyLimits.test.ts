/** Bodies too large for any endpoint are refused before they are read (src/server/refuseLargeBody.ts, readJsonPost). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { refuseLargeBody } from '#src/server/refuseLargeBody.ts';
import { requestBodyLimit } from '#src/forms/formRequestGuard.ts';
import { readJsonPost } from '#src/inbox/staffAuth.ts';
import type { Inbox } from '#src/inbox/inboxContext.ts';
import type { InboxRequestContext } from '#src/inbox/staffAuth.ts';

const inbox = { settings: { origin: 'https://aabendoer.example.dk', trustProxyHops: 0 } } as Inbox;
/** What an inbox endpoint hands readJsonPost: these posts come from the inbox's own origin, so no session is looked at. */
const from = (request: Request) => ({ request, cookies: {}, locals: {}, clientAddress: '127.0.0.1' }) as unknown as InboxRequestContext;

/** A POST whose body streams `total` bytes in 16 KB chunks, without a Content-Length; counts what was pulled. */
function chunkedPost(total: number) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= total) return controller.close();
      pulled += 16 * 1024;
      controller.enqueue(new Uint8Array(16 * 1024).fill(0x20));
    },
  });
  const request = new Request('https://aabendoer.example.dk/inbox/passkey/signin/', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: 'https://aabendoer.example.dk' },
    body,
    duplex: 'half',
  } as RequestInit);
  return { request, pulled: () => pulled };
}

describe('readJsonPost()', () => {
  it('answers a declared Content-Length over the limit 413 without reading, and closes the connection', async () => {
    const never = new ReadableStream({ pull: () => new Promise(() => {}) });
    const request = new Request('https://aabendoer.example.dk/inbox/passkey/signin/', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'https://aabendoer.example.dk', 'Content-Length': '10000000' },
      body: never,
      duplex: 'half',
    } as RequestInit);
    const answer = (await readJsonPost(inbox, from(request))) as Response;
    expect(answer.status).toBe(413);
    expect(answer.headers.get('connection')).toBe('close');
  });

  it('stops reading a chunked body just past the limit', async () => {
    const { request, pulled } = chunkedPost(10_000_000);
    const answer = (await readJsonPost(inbox, from(request))) as Response;
    expect(answer.status).toBe(413);
    expect(pulled()).toBeLessThan(requestBodyLimit + 64 * 1024);
  });

  it('still reads a small JSON body', async () => {
    const request = new Request('https://aabendoer.example.dk/inbox/passkey/signin/', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'https://aabendoer.example.dk' },
      body: '{"a":1}',
    });
    expect(await readJsonPost(inbox, from(request))).toEqual({ body: { a: 1 } });
  });
});

describe('refuseLargeBody()', () => {
  let server: http.Server;
  let port: number;
  beforeEach(async () => {
    server = http.createServer((req, res) => {
      // A short wait for a refused body's rest, so that the stalled case below is quick.
      if (!refuseLargeBody(req, res, undefined, 500)) req.resume().on('end', () => res.end('read\n'));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('answers Content-Length: 10000000 with no body 413 at once and closes the connection', async () => {
    const started = Date.now();
    const socket = net.connect(port, '127.0.0.1');
    socket.write('POST /inbox/passkey/signin/ HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 10000000\r\n\r\n');
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    await new Promise((resolve) => socket.on('close', resolve));
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer).toMatch(/connection: close/i);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('answers a body somewhat over the limit 413 at once, then reads the rest: a proxy still sending it sees no reset', async () => {
    const started = Date.now();
    const socket = net.connect(port, '127.0.0.1');
    const body = 'x'.repeat(200_000);
    const request = (path: string) =>
      `POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\n\r\n`;
    let answer = '';
    const answered = (count: number) =>
      new Promise<void>((resolve, reject) => {
        const check = () => ((answer.match(/HTTP\/1\.1 /g) ?? []).length >= count ? resolve() : undefined);
        socket.on('data', check);
        socket.on('error', reject);
        check();
      });
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    socket.write(request('/api/interest'));
    await answered(1);
    expect(Date.now() - started).toBeLessThan(2000);
    // The answer came before the body; the body is still taken without a reset.
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer).not.toMatch(/connection: close/i);
    await new Promise<void>((resolve, reject) => socket.write(body, (error) => (error ? reject(error) : resolve())));
    // And the same connection serves the next request.
    socket.write('POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc');
    await answered(2);
    expect(answer).toMatch(/HTTP\/1\.1 200 [\s\S]*read\n$/);
    socket.destroy();
  });

  it('closes the connection when the rest of a refused body stops coming', async () => {
    const socket = net.connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    socket.write(`POST /api/interest HTTP/1.1\r\nHost: x\r\nContent-Length: 200000\r\n\r\n${'x'.repeat(50_000)}`);
    const started = Date.now();
    await new Promise((resolve) => socket.on('close', resolve));
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    // Closed by the server after its wait (500 ms here, 10 s in production), not left open.
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('lets a body within the limit through', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/`, { method: 'POST', body: 'x'.repeat(1000) });
    expect(await res.text()).toBe('read\n');
  });
});
