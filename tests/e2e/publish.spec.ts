/**
 * `npm run publish` on a running server: while a client loads pages as fast as it can, a publish
 * switches to a new release without one failed answer, every request after the switch gets the
 * new page, and a page opened before it still gets its assets; --rollback and --activate switch
 * the same way; a build that fails on bad content leaves the live release as it was.
 * The releases are copies of the project's dist/ (`--from`), so no full build is needed, except
 * for the broken one, which stops in its first seconds.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { expect, test } from '../helpers/test.ts';
import { buildFixture } from '../helpers/buildFixture.ts';
import { startOwnServer, type OwnServer } from '../helpers/interestServer.ts';

test.describe.configure({ mode: 'serial', timeout: 120_000 });

// Made in beforeAll: Playwright also loads this file in a process that runs no test.
let base: string;
let dataDir: string;
let releasesDir: string;
const marker = `published-${Date.now()}`;
let server: OwnServer;
/** The stylesheet the first release's Danish home page links to, which the second release lacks. */
let oldAsset: string;

/** Runs `npm run publish -- …args` (in `cwd`) against the test's data folder, without blocking this process. */
function publish(args: string[], cwd = '.'): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', 'scripts/publish.ts', ...args], {
      cwd,
      env: { ...process.env, DATA_DIR: dataDir, FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (status) => resolve({ status, output }));
  });
}

/** The live release's id, as `current` says. */
const liveId = () => fs.readlinkSync(path.join(releasesDir, 'current'));

test.beforeAll(async () => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'publish-e2e-'));
  dataDir = path.join(base, 'data');
  releasesDir = path.join(dataDir, 'releases');
  const first = await publish(['--from', 'dist']);
  expect(first.status, first.output).toBe(0);
  server = await startOwnServer({}, dataDir);
  expect(server.output()).toContain(`Serving release ${liveId()}`);
  oldAsset = /\/_astro\/[^"]+\.css/.exec(fs.readFileSync('dist/client/da/index.html', 'utf8'))![0];
});
test.afterAll(async () => {
  await server?.stop();
  if (base) fs.rmSync(base, { recursive: true, force: true });
});

/** A copy of dist/ whose Danish home page carries the marker and which lacks the old stylesheet, as a new build would. */
function changedBuild(): string {
  const dist = path.join(base, 'dist-changed');
  fs.cpSync('dist', dist, { recursive: true });
  const page = path.join(dist, 'client', 'da', 'index.html');
  const html = fs.readFileSync(page, 'utf8').replace('</body>', `<p data-marker>${marker}</p></body>`);
  fs.writeFileSync(page, html);
  fs.writeFileSync(`${page}.br`, zlib.brotliCompressSync(html));
  fs.writeFileSync(`${page}.gz`, zlib.gzipSync(html));
  for (const suffix of ['', '.br', '.gz']) fs.rmSync(path.join(dist, 'client', oldAsset + suffix), { force: true });
  return dist;
}

interface Answer {
  url: string;
  status: number;
  started: number;
  ended: number;
  /** For /da/: whether the page carried the marker. */
  marked?: boolean;
}

test('a publish under load answers every request, and the new page is live from the switch on', async () => {
  const changed = changedBuild();
  const before = liveId();
  const urls = ['/', '/da/', oldAsset];
  const answers: Answer[] = [];
  let loading = true;
  // Four clients, each loading the pages one after another as fast as the server answers.
  const client = async (offset: number) => {
    for (let i = offset; loading; i++) {
      const url = urls[i % urls.length]!;
      const started = performance.now();
      try {
        const res = await fetch(server.url + url, { headers: { 'Accept-Encoding': 'br, gzip' } });
        const body = await res.text();
        answers.push({
          url,
          status: res.status,
          started,
          ended: performance.now(),
          marked: url === '/da/' ? body.includes(marker) : undefined,
        });
      } catch {
        answers.push({ url, status: 0, started, ended: performance.now() });
      }
    }
  };
  const began = performance.now();
  const clients = [0, 1, 2, 3].map(client);
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const published = await publish(['--from', changed]);
  await new Promise((resolve) => setTimeout(resolve, 1500));
  loading = false;
  await Promise.all(clients);
  const seconds = (performance.now() - began) / 1000;

  expect(published.status, published.output).toBe(0);
  expect(liveId()).not.toBe(before);
  const failed = answers.filter((a) => a.status !== 200);
  const rate = answers.length / seconds;
  test.info().annotations.push({
    type: 'load',
    description: `${answers.length} requests in ${seconds.toFixed(1)} s (${rate.toFixed(0)}/s), ${failed.length} not 200`,
  });
  console.log(`publish under load: ${answers.length} requests in ${seconds.toFixed(1)} s (${rate.toFixed(0)}/s), ${failed.length} not 200`);
  expect(rate).toBeGreaterThanOrEqual(20);
  expect(failed).toEqual([]);

  // Old page before the switch, new page after it, and never the old one again once the new one was seen.
  const pages = answers.filter((a) => a.url === '/da/');
  expect(pages.some((a) => !a.marked)).toBe(true);
  expect(pages.some((a) => a.marked)).toBe(true);
  const firstNew = Math.min(...pages.filter((a) => a.marked).map((a) => a.ended));
  expect(pages.filter((a) => a.started > firstNew && !a.marked)).toEqual([]);
  // The old release's stylesheet kept loading after the switch (from the release kept before it).
  expect(answers.filter((a) => a.url === oldAsset && a.started > firstNew).length).toBeGreaterThan(0);

  const res = await fetch(server.url + oldAsset);
  expect(res.status).toBe(200);
  expect(res.headers.get('cache-control')).toContain('immutable');
  expect(await (await fetch(`${server.url}/da/`)).text()).toContain(marker);
  const list = await publish(['--list']);
  expect(list.output).toContain(`* ${liveId()}  live`);
  expect(list.output).toContain(`  ${before}`);
});

test('--rollback goes back one release, and --activate switches to a shipped one', async () => {
  const published = liveId();
  const back = await publish(['--rollback']);
  expect(back.status, back.output).toBe(0);
  expect(back.output).toContain(`is live again (was ${published})`);
  await expect.poll(async () => (await (await fetch(`${server.url}/da/`)).text()).includes(marker)).toBe(false);

  const incomplete = path.join(releasesDir, '20000101T000000Z-shipped');
  fs.mkdirSync(path.join(incomplete, 'client'), { recursive: true });
  const refused = await publish(['--activate', incomplete]);
  expect(refused.status).not.toBe(0);
  expect(refused.output).toContain('incomplete (missing client/index.html, server/entry.mjs): not activated');
  fs.rmSync(incomplete, { recursive: true });

  const again = await publish(['--activate', path.join(releasesDir, published)]);
  expect(again.status, again.output).toBe(0);
  expect(liveId()).toBe(published);
  await expect.poll(async () => (await (await fetch(`${server.url}/da/`)).text()).includes(marker)).toBe(true);
});

test('a build that fails on bad content names the file and the field, and the live release stays', async () => {
  const live = liveId();
  const releases = fs.readdirSync(releasesDir).sort();
  const { status, output } = buildFixture(
    (dir) => {
      fs.writeFileSync(path.join(dir, 'content/pages/da/broken.mdx'), '---\ndescription: Ingen titel her.\n---\n\nTekst.\n');
    },
    undefined,
    { command: ['--disable-warning=ExperimentalWarning', 'scripts/publish.ts'], env: { DATA_DIR: dataDir } },
  );
  expect(status, output).not.toBe(0);
  expect(output).toContain('content/pages/da/broken.mdx');
  expect(output).toMatch(/title/);
  expect(output).toContain(`nothing was switched, ${live} stays live`);
  // No half-built folder is left, and nothing was switched or removed.
  expect(fs.readdirSync(releasesDir).sort()).toEqual(releases);
  expect(liveId()).toBe(live);
  // The build blocked this process: let the client notice the connections the server closed meanwhile.
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(server.process.exitCode, server.output()).toBeNull();
  const res = await fetch(`${server.url}/da/`);
  expect(res.status).toBe(200);
  expect(await res.text()).toBe(fs.readFileSync(path.join(releasesDir, live, 'client', 'da', 'index.html'), 'utf8'));
});
