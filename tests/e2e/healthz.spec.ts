/**
 * GET /healthz on the real server, made unwell for real: its data folder on a small tmpfs filled to
 * the last byte, its database file made immutable with chattr +i (which binds root too), the file
 * deleted, the database locked by another process. Each turns 503 within seconds, and (where the
 * server can recover) 200 again when the cause is gone. Mounting and chattr need root and a file
 * system that supports them: where they are missing that case is skipped and says why.
 */
import { expect, test } from '../helpers/test.ts';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { startOwnServer, type OwnServer } from '../helpers/interestServer.ts';

test.describe.configure({ mode: 'serial', timeout: 60_000 });

interface Check {
  ok: boolean;
  code?: string;
}

interface Answer {
  status: number;
  body: { status: string; checks: { database: Check; disk: Check }; release: string; uptimeSeconds: number };
}

async function health(server: OwnServer): Promise<Answer> {
  const res = await fetch(`${server.baseURL}/healthz`);
  return { status: res.status, body: (await res.json()) as Answer['body'] };
}

/** Asks every 200 ms until /healthz answers `status`; resolves with the answer and how long it took. */
async function healthTurns(server: OwnServer, status: number, withinMs = 5000): Promise<Answer & { ms: number }> {
  const started = Date.now();
  for (;;) {
    const answer = await health(server);
    if (answer.status === status) return { ...answer, ms: Date.now() - started };
    if (Date.now() - started > withinMs)
      throw new Error(`/healthz still answers ${answer.status} after ${withinMs} ms: ${JSON.stringify(answer.body)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const run = (command: string, args: string[]) => spawnSync(command, args, { encoding: 'utf8' });

test('answers 200 with a small JSON on the running site, never cached, and HEAD too', async ({ request }) => {
  const res = await request.get('/healthz');
  expect(res.status()).toBe(200);
  expect(res.headers()['cache-control']).toBe('no-store');
  expect(res.headers()['content-type']).toBe('application/json; charset=utf-8');
  const body = (await res.json()) as Answer['body'];
  expect(body).toEqual({
    status: 'ok',
    checks: { database: { ok: true }, disk: { ok: true } },
    release: expect.stringMatching(/^[\w.-]+$/),
    uptimeSeconds: expect.any(Number),
  });
  expect(Object.keys(body)).toEqual(['status', 'checks', 'release', 'uptimeSeconds']);
  const head = await request.head('/healthz');
  expect(head.status()).toBe(200);
  expect(await head.body()).toHaveLength(0);
});

test('a full disk: 503 within seconds, and 200 again once space is freed', async () => {
  const mountPoint = mkdtempSync(path.join(tmpdir(), 'healthz-tmpfs-'));
  const mounted = run('mount', ['-t', 'tmpfs', '-o', 'size=32m,mode=0700', 'tmpfs', mountPoint]);
  test.skip(mounted.status !== 0, `cannot mount a tmpfs here (${(mounted.stderr || String(mounted.error)).trim()}): needs root`);
  let server: OwnServer | undefined;
  try {
    server = await startOwnServer({}, path.join(mountPoint, 'data'));
    expect((await health(server)).status).toBe(200);
    // Fill it to the last page: big blocks, then small ones.
    run('dd', ['if=/dev/zero', `of=${path.join(mountPoint, 'fill-1')}`, 'bs=1M']);
    run('dd', ['if=/dev/zero', `of=${path.join(mountPoint, 'fill-2')}`, 'bs=4k']);
    expect(run('df', ['--output=avail', '-B1', mountPoint]).stdout).toMatch(/\n\s*0\s*$/);
    const full = await healthTurns(server, 503);
    expect(full.body.status).toBe('fail');
    expect(full.body.checks.disk).toEqual({ ok: false, code: 'ENOSPC' });
    test.info().annotations.push({
      type: 'disk full → 503',
      description: `${full.ms} ms; database check: ${JSON.stringify(full.body.checks.database)}`,
    });
    for (const f of ['fill-1', 'fill-2']) rmSync(path.join(mountPoint, f));
    const back = await healthTurns(server, 200);
    expect(back.body.checks).toEqual({ database: { ok: true }, disk: { ok: true } });
    test.info().annotations.push({ type: 'space freed → 200', description: `${back.ms} ms` });
  } finally {
    await server?.stop();
    if (run('umount', [mountPoint]).status !== 0) run('umount', ['-l', mountPoint]);
    rmSync(mountPoint, { recursive: true, force: true });
  }
});

test('a read-only database file (chattr +i, which root cannot write through): 503, then 200 when it is writable again', async () => {
  const server = await startOwnServer();
  // The database and its WAL; not the -shm index, which SQLite maps into memory: writing a mapped
  // immutable file kills the process with SIGBUS, which is not what a read-only disk does.
  const files = () => ['interest.sqlite', 'interest.sqlite-wal'].map((f) => path.join(server.dataDir, f));
  try {
    expect((await health(server)).status).toBe(200);
    const immutable = run('chattr', ['+i', ...files()]);
    test.skip(immutable.status !== 0, `chattr +i is not possible here (${(immutable.stderr || String(immutable.error)).trim()})`);
    try {
      const readOnly = await healthTurns(server, 503);
      expect(readOnly.body.checks.database.ok).toBe(false);
      expect(readOnly.body.checks.database.code).toMatch(/^SQLITE_(IOERR|READONLY|CANTOPEN)$/);
      test.info().annotations.push({ type: 'read-only → 503', description: `${readOnly.ms} ms (${readOnly.body.checks.database.code})` });
    } finally {
      run('chattr', ['-i', ...files()]);
    }
    expect((await healthTurns(server, 200)).body.checks.database).toEqual({ ok: true });
  } finally {
    await server.stop();
  }
});

test('the database locked by another process: 503 SQLITE_BUSY within 3 s, 200 when it lets go', async () => {
  const server = await startOwnServer();
  try {
    expect((await health(server)).status).toBe(200);
    const other = new DatabaseSync(path.join(server.dataDir, 'interest.sqlite'), { timeout: 0 });
    other.exec('BEGIN EXCLUSIVE');
    // Past the 1 s the last result is kept.
    await new Promise((r) => setTimeout(r, 1100));
    try {
      const started = Date.now();
      const locked = await health(server);
      expect(Date.now() - started).toBeLessThan(3000);
      expect(locked.status).toBe(503);
      expect(locked.body.checks.database).toEqual({ ok: false, code: 'SQLITE_BUSY' });
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    await healthTurns(server, 200);
  } finally {
    await server.stop();
  }
});

test('the database file deleted under the running server: 503 (a restart would start empty)', async () => {
  const server = await startOwnServer();
  try {
    expect((await health(server)).status).toBe(200);
    for (const f of readdirSync(server.dataDir).filter((f) => f.startsWith('interest.sqlite'))) rmSync(path.join(server.dataDir, f));
    const gone = await healthTurns(server, 503);
    // ENOENT; or "replaced" when the WAL checkpoint worker, starting late on a busy machine, opened
    // the path after the deletion and so created a new, empty file there.
    expect(gone.body.checks.database).toEqual({ ok: false, code: expect.stringMatching(/^(ENOENT|replaced)$/) });
    // Something else at its path is not the database either.
    writeFileSync(path.join(server.dataDir, 'interest.sqlite'), '');
    await new Promise((r) => setTimeout(r, 1100));
    expect((await health(server)).body.checks.database).toEqual({ ok: false, code: 'replaced' });
  } finally {
    await server.stop();
  }
});
