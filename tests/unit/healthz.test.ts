/**
 * GET /healthz (src/server/healthz.ts) and the release id it names (src/server/releaseId.ts): 200
 * only when the database can be read and written where the server opened it, 503 with the failing
 * check's code within about a second otherwise, never cached, nothing personal.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { createHealthz, healthChecks, type HealthReport } from '#src/server/healthz.ts';
import { gitCommit, releaseId } from '#src/server/releaseId.ts';
import { openStore, type Store } from '#src/store/openStore.ts';
import { requestIntake } from '#src/store/requestIntake.ts';
import { readState } from '#src/store/serverState.ts';
import { validRequestInput } from '../helpers/requestInput.ts';

describe('/healthz', () => {
  let dir: string;
  let dataDir: string;
  let store: Store;
  let server: http.Server;
  let base: string;
  const errors: string[] = [];

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'healthz-'));
    dataDir = path.join(dir, 'data');
    store = openStore({ dataDir });
    requestIntake(store.db).add(validRequestInput);
    vi.spyOn(console, 'error').mockImplementation((line: string) => void errors.push(line));
    errors.length = 0;
    const healthz = createHealthz({ store, dataDir, distDir: path.join(dir, 'dist'), root: dir, env: { RELEASE_ID: 'r-42' }, cacheMs: 0 });
    server = http.createServer((req, res) => {
      if (healthz(req, res)) return;
      res.writeHead(404).end('not mine');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await new Promise((resolve) => server.close(resolve));
    if (store.db.isOpen) store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 200 with a small JSON, never cached, and HEAD the same without a body', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const body = (await res.json()) as HealthReport;
    expect(body).toEqual({
      status: 'ok',
      checks: { database: { ok: true }, disk: { ok: true } },
      release: 'r-42',
      uptimeSeconds: expect.any(Number),
    });
    expect(JSON.stringify(body)).not.toMatch(/Amal|\+45/);
    // It wrote to prove it can.
    expect(readState(store.db, 'health.checkedAt')).toBeDefined();
    const head = await fetch(`${base}/healthz?from=monitor`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const post = await fetch(`${base}/healthz`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    expect(await (await fetch(`${base}/healthz/x`)).text()).toBe('not mine');
  });

  it('answers 503 SQLITE_BUSY within about a second while another process holds the write lock, and restores the 5 s timeout', async () => {
    const other = new DatabaseSync(store.file);
    other.exec('BEGIN EXCLUSIVE');
    try {
      const started = Date.now();
      const res = await fetch(`${base}/healthz`);
      expect(Date.now() - started).toBeLessThan(2500);
      expect(res.status).toBe(503);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(await res.json()).toMatchObject({
        status: 'fail',
        checks: { database: { ok: false, code: 'SQLITE_BUSY' }, disk: { ok: true } },
      });
      expect(store.pragma('busy_timeout')).toBe(5000);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect(errors).toEqual(['healthz: failing (database SQLITE_BUSY)', 'healthz: ok again']);
  });

  it('answers 503 when the database file is gone or another file took its place', async () => {
    renameSync(store.file, `${store.file}.moved`);
    expect(await (await fetch(`${base}/healthz`)).json()).toMatchObject({
      status: 'fail',
      checks: { database: { ok: false, code: 'ENOENT' } },
    });
    writeFileSync(store.file, '');
    expect(await (await fetch(`${base}/healthz`)).json()).toMatchObject({ checks: { database: { ok: false, code: 'replaced' } } });
    rmSync(store.file);
    renameSync(`${store.file}.moved`, store.file);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    store.close();
    expect(await (await fetch(`${base}/healthz`)).json()).toMatchObject({ checks: { database: { ok: false, code: 'closed' } } });
  });

  it('answers 503 ENOSPC when less than the minimum is free where the data lives', () => {
    const check = healthChecks({ db: store.db, file: store.file, dataDir, release: () => 'x', minFreeBytes: Number.MAX_SAFE_INTEGER });
    expect(check()).toMatchObject({ status: 'fail', checks: { database: { ok: true }, disk: { ok: false, code: 'ENOSPC' } } });
  });

  it('runs the checks at most once per cacheMs, however often it is asked', () => {
    let now = 1_000_000;
    const check = healthChecks({ db: store.db, file: store.file, dataDir, release: () => 'x', now: () => now });
    const stamp = () => readState(store.db, 'health.checkedAt');
    check();
    const first = stamp();
    now += 999;
    expect(check().uptimeSeconds).toBe(0);
    expect(stamp()).toBe(first);
    now += 1;
    expect(check().uptimeSeconds).toBe(1);
    expect(stamp()).not.toBe(first);
  });
});

describe('releaseId()', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'release-id-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('takes RELEASE_ID, else the live release folder, else the dist folder’s release, else the Git commit, else "dev"', () => {
    const dataDir = path.join(dir, 'data');
    const distDir = path.join(dir, 'dist');
    mkdirSync(distDir, { recursive: true });
    expect(releaseId({ env: {}, dataDir, distDir, root: dir })()).toBe('dev');

    const gitDir = path.join(dir, '.git');
    mkdirSync(path.join(gitDir, 'refs/heads'), { recursive: true });
    writeFileSync(path.join(gitDir, 'HEAD'), 'ref: refs/heads/main\n');
    writeFileSync(path.join(gitDir, 'packed-refs'), `# pack-refs\n${'a'.repeat(40)} refs/heads/main\n`);
    expect(gitCommit(dir)).toBe('a'.repeat(12));
    writeFileSync(path.join(gitDir, 'refs/heads/main'), `${'b'.repeat(40)}\n`);
    const release = releaseId({ env: {}, dataDir, distDir, root: dir });
    expect(release()).toBe('b'.repeat(12));

    // A DIST_DIR inside a release folder, then the live `current` link a publish switches.
    const releases = path.join(dataDir, 'releases');
    mkdirSync(path.join(releases, '20270101-0101-abc'), { recursive: true });
    mkdirSync(path.join(releases, '20270102-0202-def'), { recursive: true });
    expect(releaseId({ env: {}, dataDir, distDir: path.join(releases, '20270101-0101-abc'), root: dir })()).toBe('20270101-0101-abc');
    symlinkSync('20270102-0202-def', path.join(releases, 'current'));
    expect(release()).toBe('20270102-0202-def');
    expect(releaseId({ env: { RELEASE_ID: 'v1.2.3' }, dataDir, distDir, root: dir })()).toBe('v1.2.3');
    // Nothing odd reaches the answer.
    expect(releaseId({ env: { RELEASE_ID: '<script>' }, dataDir, distDir, root: dir })()).toBe('20270102-0202-def');
  });

  it('follows a worktree’s .git file to its commit', () => {
    const main = path.join(dir, 'main.git');
    mkdirSync(path.join(main, 'worktrees/wt'), { recursive: true });
    mkdirSync(path.join(main, 'refs/heads'), { recursive: true });
    writeFileSync(path.join(main, 'worktrees/wt/HEAD'), 'ref: refs/heads/feature\n');
    writeFileSync(path.join(main, 'worktrees/wt/commondir'), '../..\n');
    writeFileSync(path.join(main, 'refs/heads/feature'), `${'c'.repeat(40)}\n`);
    const worktree = path.join(dir, 'wt');
    mkdirSync(worktree);
    writeFileSync(path.join(worktree, '.git'), `gitdir: ${path.join(main, 'worktrees/wt')}\n`);
    expect(gitCommit(worktree)).toBe('c'.repeat(12));
    expect(gitCommit(path.join(dir, 'nowhere'))).toBeUndefined();
  });
});
