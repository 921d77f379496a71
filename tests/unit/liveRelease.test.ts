import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLiveRelease, type LiveRelease } from '#src/server/liveRelease.ts';
import { switchRelease } from '#src/server/releases.ts';

let base: string;
let releasesDir: string;
let server: http.Server | undefined;
let live: LiveRelease | undefined;
beforeEach(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'live-release-test-'));
  releasesDir = path.join(base, 'releases');
  fs.mkdirSync(releasesDir);
});
afterEach(async () => {
  live?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
  fs.rmSync(base, { recursive: true, force: true });
});

/** The server looks at `current` at most once a millisecond: a request this much after a switch sees it. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 2));

/** A build whose pages say `name` and whose Astro handler answers "astro <name>"; `files` go into client/. */
function makeBuild(dir: string, name: string, files: Record<string, string> = {}, entry = ''): void {
  const all = { 'index.html': `<p>${name}</p>`, '404.html': `not found in ${name}`, ...files };
  for (const [file, text] of Object.entries(all)) {
    fs.mkdirSync(path.dirname(path.join(dir, 'client', file)), { recursive: true });
    fs.writeFileSync(path.join(dir, 'client', file), text);
  }
  fs.mkdirSync(path.join(dir, 'server'), { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'server', 'entry.mjs'),
    `${entry}export const handler = (req, res, next) => (req.url === '/astro/' ? res.end('astro ${name}') : next());\n`,
  );
}

/** Serves `live` like src/server/server.ts does; resolves to a GET helper returning "status body". */
async function serve(opened: LiveRelease): Promise<(url: string) => Promise<string>> {
  live = opened;
  server = http.createServer(
    opened.serve((req, res) => opened.staticFiles(req, res, () => opened.current.astro(req, res, () => opened.current.notFound(res), {}))),
  );
  await new Promise((resolve) => server!.listen(0, '127.0.0.1', () => resolve(undefined)));
  const origin = `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
  return async (url) => {
    const res = await fetch(origin + url);
    return `${res.status} ${await res.text()}`;
  };
}

describe('openLiveRelease()', () => {
  it('serves dist/ while there are no releases', async () => {
    makeBuild(path.join(base, 'dist'), 'dist');
    const get = await serve(await openLiveRelease({ releasesDir, distDir: path.join(base, 'dist'), log: () => {} }));
    expect(await get('/')).toBe('200 <p>dist</p>');
    expect(await get('/astro/')).toBe('200 astro dist');
    expect(live!.current.id).toBeNull();
  });

  it('follows a switch from the next request on, without a restart', async () => {
    makeBuild(path.join(releasesDir, 'r1'), 'one');
    makeBuild(path.join(releasesDir, 'r2'), 'two');
    switchRelease(releasesDir, 'r1');
    const get = await serve(await openLiveRelease({ releasesDir, distDir: path.join(base, 'dist'), log: () => {} }));
    expect([await get('/'), await get('/astro/')]).toEqual(['200 <p>one</p>', '200 astro one']);
    switchRelease(releasesDir, 'r2');
    await settle();
    expect([await get('/'), await get('/astro/'), await get('/nothing')]).toEqual([
      '200 <p>two</p>',
      '200 astro two',
      '404 not found in two',
    ]);
    expect(live!.current.id).toBe('r2');
  });

  it('moves from dist/ to the first release a publish makes', async () => {
    makeBuild(path.join(base, 'dist'), 'dist');
    const get = await serve(await openLiveRelease({ releasesDir, distDir: path.join(base, 'dist'), intervalMs: 50, log: () => {} }));
    expect(await get('/')).toBe('200 <p>dist</p>');
    makeBuild(path.join(releasesDir, 'r1'), 'one');
    switchRelease(releasesDir, 'r1');
    await expect.poll(() => get('/')).toBe('200 <p>one</p>');
  });

  it('stays on dist/ when DIST_DIR pins it', async () => {
    makeBuild(path.join(base, 'dist'), 'dist');
    makeBuild(path.join(releasesDir, 'r1'), 'one');
    switchRelease(releasesDir, 'r1');
    const get = await serve(await openLiveRelease({ releasesDir, distDir: path.join(base, 'dist'), pinned: true, log: () => {} }));
    expect(await get('/')).toBe('200 <p>dist</p>');
  });

  it("serves the older releases' hashed assets the live one lacks, and nothing else of theirs", async () => {
    makeBuild(path.join(releasesDir, 'r1'), 'one', { '_astro/old.abc123.css': 'old css', 'about/index.html': 'old about' });
    makeBuild(path.join(releasesDir, 'r2'), 'two', { '_astro/new.def456.css': 'new css' });
    switchRelease(releasesDir, 'r1');
    const get = await serve(await openLiveRelease({ releasesDir, distDir: path.join(base, 'dist'), log: () => {} }));
    switchRelease(releasesDir, 'r2');
    await settle();
    expect(await get('/')).toBe('200 <p>two</p>');
    expect(await get('/_astro/new.def456.css')).toBe('200 new css');
    expect(await get('/_astro/old.abc123.css')).toBe('200 old css');
    expect(await get('/_astro/none.css')).toBe('404 not found in two');
    expect(await get('/about/')).toBe('404 not found in two');
  });

  it("keeps only the live release's process listeners, also after going back to one it ran before", async () => {
    // Astro's handler adds an unhandledRejection logger when its module is first run.
    const logger = "process.on('unhandledRejection', () => {});\n";
    makeBuild(path.join(releasesDir, 'r1'), 'one', {}, logger);
    makeBuild(path.join(releasesDir, 'r2'), 'two', {}, logger);
    switchRelease(releasesDir, 'r1');
    const before = process.listenerCount('unhandledRejection');
    const get = await serve(await openLiveRelease({ releasesDir, distDir: path.join(base, 'dist'), log: () => {} }));
    expect(process.listenerCount('unhandledRejection')).toBe(before + 1);
    for (const [id, page] of [
      ['r2', '200 <p>two</p>'],
      ['r1', '200 <p>one</p>'],
      ['r2', '200 <p>two</p>'],
    ]) {
      switchRelease(releasesDir, id!);
      await settle();
      expect(await get('/')).toBe(page);
      expect(process.listenerCount('unhandledRejection')).toBe(before + 1);
    }
    // Leave the listener count as it was for the other tests.
    for (const l of process.listeners('unhandledRejection').slice(before)) process.off('unhandledRejection', l);
  });

  it('keeps serving the old release when the new one cannot be loaded', async () => {
    makeBuild(path.join(releasesDir, 'r1'), 'one');
    makeBuild(path.join(releasesDir, 'r2'), 'two');
    fs.writeFileSync(path.join(releasesDir, 'r2', 'server', 'entry.mjs'), 'export const handler = ;\n');
    switchRelease(releasesDir, 'r1');
    const errors: unknown[] = [];
    const logged = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      const get = await serve(await openLiveRelease({ releasesDir, distDir: path.join(base, 'dist'), log: () => {} }));
      switchRelease(releasesDir, 'r2');
      await settle();
      expect([await get('/'), await get('/astro/')]).toEqual(['200 <p>one</p>', '200 astro one']);
      expect(String(errors[0])).toMatch(/Release r2 could not be loaded; still serving r1/);
      expect(errors).toHaveLength(1);
    } finally {
      console.error = logged;
    }
  });
});
