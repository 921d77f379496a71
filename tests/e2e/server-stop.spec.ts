/**
 * A stop of the real server (systemctl stop or restart sends SIGTERM; the unit gives it 20 s before
 * SIGKILL) ends within seconds and cleanly (exit 0, the database closed), whatever its clients do:
 * an idle keep-alive connection (a proxy's pool), a client that stopped halfway through a form's
 * body, the unread rest of a body refused with 413 (what Caddy left behind in the CI run where a
 * restart hung for a minute). A request in flight at the signal still gets its answer.
 */
import net from 'node:net';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { expect, test } from '../helpers/test.ts';
import { startOwnServer, type OwnServer } from '../helpers/interestServer.ts';

test.describe.configure({ timeout: 60_000 });

/** A raw connection to `server` that has written `head` and `bodyPart`, and holds the rest back. */
async function holdingClient(server: OwnServer, head: string, bodyPart = '') {
  const socket = net.connect(Number(new URL(server.baseURL).port), '127.0.0.1');
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  let received = '';
  socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
  socket.on('error', () => {});
  /** When the connection was closed (Date.now()). */
  const closed = new Promise<number>((resolve) => socket.once('close', () => resolve(Date.now())));
  socket.write(head + bodyPart);
  return { socket, received: () => received, closed };
}

/** Sends SIGTERM to `server` now; resolves with its exit code (null: still running after 30 s) and how long it took. */
async function stopTimed(server: OwnServer): Promise<{ code: number | null; ms: number }> {
  const started = Date.now();
  const child = server.process;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  const code = await Promise.race([exited, new Promise<null>((resolve) => setTimeout(() => resolve(null), 30_000))]);
  return { code, ms: Date.now() - started };
}

/** Runs `body` with a server of its own; one that did not stop is killed after, so a failure is reported, not a hang. */
async function withOwnServer(body: (server: OwnServer) => Promise<void>) {
  const server = await startOwnServer();
  try {
    await body(server);
  } finally {
    if (server.process.exitCode === null && server.process.signalCode === null) server.process.kill('SIGKILL');
    await server.stop();
  }
}

const post = (length: number) =>
  `POST /api/interest/ HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: http://127.0.0.1\r\n` +
  `Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ${length}\r\n\r\n`;

test('SIGTERM with clients holding connections open ends the server within 10 s, exit 0', async () => {
  await withOwnServer(async (server) => {
    // A proxy's idle keep-alive connection, after a page.
    const idle = await holdingClient(server, 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    await expect.poll(() => idle.received()).toContain('HTTP/1.1 200');
    // A client that sent half a form and went quiet.
    const half = await holdingClient(server, post(4000), 'name='.padEnd(2000, 'a'));
    // A body refused with 413 from its length, of which only the first part ever comes.
    const refused = await holdingClient(server, post(900 * 1024), 'x'.repeat(100 * 1024));
    await expect.poll(() => refused.received()).toContain('HTTP/1.1 413');

    const signalled = Date.now();
    const { code, ms } = await stopTimed(server);
    test.info().annotations.push({ type: 'stop', description: `exit ${code} after ${ms} ms` });
    expect(code, server.output()).toBe(0);
    expect(ms).toBeLessThan(10_000);
    // The idle connection was closed at once; the busy ones were given the grace period (5 s) first.
    expect((await idle.closed) - signalled).toBeLessThan(1_000);
    expect((await half.closed) - signalled).toBeGreaterThan(4_000);
    expect((await refused.closed) - signalled).toBeGreaterThan(4_000);
    // The half-sent form got no answer and was never stored.
    expect(half.received()).toBe('');
    const db = new DatabaseSync(path.join(server.dataDir, 'interest.sqlite'), { readOnly: true });
    expect(db.prepare('SELECT COUNT(*) AS n FROM interest').get()).toEqual({ n: 0 });
    db.close();
  });
});

test('a request in flight when SIGTERM comes is answered before the server ends', async () => {
  await withOwnServer(async (server) => {
    // A page request whose last line arrives just after the signal.
    const client = await holdingClient(server, 'GET /da/ HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    const stopping = stopTimed(server);
    await new Promise((resolve) => setTimeout(resolve, 300));
    // New connections are no longer accepted (the proxy holds those requests for the next server)…
    const refused = await new Promise<boolean>((resolve) => {
      const s = net.connect(Number(new URL(server.baseURL).port), '127.0.0.1');
      s.once('connect', () => (s.destroy(), resolve(false))).once('error', () => resolve(true));
    });
    expect(refused).toBe(true);
    expect(server.process.exitCode).toBeNull();
    // …but the request already on its way is answered, and then the server ends cleanly.
    client.socket.write('Connection: close\r\n\r\n');
    await expect.poll(() => client.received(), { timeout: 5_000 }).toMatch(/^HTTP\/1\.1 200/);
    expect((await stopping).code).toBe(0);
  });
});
