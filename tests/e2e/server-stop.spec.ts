/**
 * A stop of the real server (systemctl stop or restart sends SIGTERM; the unit gives it 20 s before
 * SIGKILL) ends within seconds and cleanly (exit 0, the database closed), whatever its clients do:
 * an idle keep-alive connection (a proxy's pool), a client that stopped halfway through a form's
 * body, the unread rest of a body refused with 413 (what Caddy left behind in the CI run where a
 * restart hung for a minute). A request in flight at the signal still gets its answer.
 */
import net from 'node:net';
import { expect, test } from '../helpers/test.ts';
import { startOwnServer, type OwnServer } from '../helpers/interestServer.ts';

test.describe.configure({ timeout: 60_000 });

/** A raw connection to `server` that has written `head` and `bodyPart`, and holds the rest back; resolves with what it reads. */
async function holdingClient(server: OwnServer, head: string, bodyPart = '') {
  const { port } = new URL(server.baseURL);
  const socket = net.connect(Number(port), '127.0.0.1');
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  let received = '';
  socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
  socket.on('error', () => {});
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  socket.write(head + bodyPart);
  return { socket, received: () => received, closed };
}

/** Sends SIGTERM to `server` and resolves with its exit code and how long it took. */
async function stopTimed(server: OwnServer): Promise<{ code: number | null; ms: number }> {
  const started = Date.now();
  const child = server.process;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  const code = await Promise.race([exited, new Promise<null>((resolve) => setTimeout(() => resolve(null), 30_000))]);
  return { code, ms: Date.now() - started };
}

const post = (length: number) =>
  `POST /api/interest/ HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: http://127.0.0.1\r\n` +
  `Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ${length}\r\n\r\n`;

test('SIGTERM with clients holding connections open ends the server within 10 s, exit 0', async () => {
  const server = await startOwnServer();
  try {
    // A proxy's idle keep-alive connection, after a page.
    const idle = await holdingClient(server, 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    await expect.poll(() => idle.received()).toContain('HTTP/1.1 200');
    // A client that sent half a form and went quiet.
    const half = await holdingClient(server, post(4000), 'name='.padEnd(2000, 'a'));
    // A body refused with 413 from its length, of which only the first part ever comes.
    const refused = await holdingClient(server, post(900 * 1024), 'x'.repeat(100 * 1024));
    await expect.poll(() => refused.received()).toContain('HTTP/1.1 413');

    const { code, ms } = await stopTimed(server);
    test.info().annotations.push({ type: 'stop', description: `exit ${code} after ${ms} ms` });
    expect(code, server.output()).toBe(0);
    expect(ms).toBeLessThan(10_000);
    // Each connection was closed by the server, not left to the client.
    await Promise.all([idle.closed, half.closed, refused.closed]);
    // The half-sent form was never stored as a request: it got no answer but the closed socket.
    expect(half.received()).toBe('');
  } finally {
    // A server that did not stop is killed, so that the test reports its failure and not a hang.
    if (server.process.exitCode === null && server.process.signalCode === null) server.process.kill('SIGKILL');
    await server.stop();
  }
});

test('a request in flight when SIGTERM comes is answered before the server ends', async () => {
  const server = await startOwnServer();
  try {
    // A page request whose last line arrives just after the signal.
    const client = await holdingClient(server, 'GET /da/ HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    const { port } = new URL(server.baseURL);
    const exited = new Promise<number | null>((resolve) => server.process.once('exit', (code) => resolve(code)));
    server.process.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
    // New connections are no longer accepted (the proxy holds those requests for the next server)…
    const refused = await new Promise<boolean>((resolve) => {
      const s = net.connect(Number(port), '127.0.0.1');
      s.once('connect', () => (s.destroy(), resolve(false))).once('error', () => resolve(true));
    });
    expect(refused).toBe(true);
    expect(server.process.exitCode).toBeNull();
    // …but the request already on its way is answered, and then the server ends cleanly.
    client.socket.write('Connection: close\r\n\r\n');
    await expect.poll(() => client.received(), { timeout: 5_000 }).toMatch(/^HTTP\/1\.1 200/);
    expect(await exited).toBe(0);
  } finally {
    // A server that did not stop is killed, so that the test reports its failure and not a hang.
    if (server.process.exitCode === null && server.process.signalCode === null) server.process.kill('SIGKILL');
    await server.stop();
  }
});
