/**
 * The build the server answers with, and how it follows `npm run publish` without a restart.
 * - With releases in $DATA_DIR/releases/ (./releases.ts) it serves the one `current` points to.
 *   It notices a switch before serving (one readlink, at most once a millisecond) and every second,
 *   imports the new release's Astro handler, indexes its static files, then swaps them in with one
 *   assignment: requests already running finish on the old ones, new ones wait for the swap.
 * - Hashed assets (/_astro/, /voice/) the live release lacks come from the older releases kept,
 *   so a page opened before a publish still gets its stylesheet, scripts and clips.
 * - Without releases (development, the tests, npm start) it serves dist/ as before, and moves to
 *   the releases once a publish makes the first; DIST_DIR set by hand pins it to that folder.
 * A release's server code stays in memory once run (ES modules cannot be unloaded) until a restart.
 */
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isHashedAsset } from '#src/browser/serviceWorkerUrl.ts';
import { createNotFound, createStaticFiles, type Handler } from './staticFiles.ts';
import { currentLink, listReleases } from './releases.ts';

export type AstroHandler = (
  req: http.IncomingMessage,
  res: http.ServerResponse,
  next: () => void,
  locals: Pick<App.Locals, 'clientAddress' | 'interest' | 'inbox' | 'interestReply' | 'referralReply'>,
) => void;

export interface Release {
  /** The release's id, or null for a build served from its folder (dist/). */
  id: string | null;
  /** The build: client/ + server/. */
  dir: string;
  clientDir: string;
  /** Astro's handler (middleware mode) from the build's server/entry.mjs. */
  astro: AstroHandler;
  /** The build's files (sirv, indexed once). */
  staticFiles: Handler;
  /** Answers 404 with the build's own page. */
  notFound: (res: http.ServerResponse) => void;
}

export interface LiveRelease {
  /** The release new requests are served with. */
  readonly current: Release;
  /** Wraps the server's request listener: each request starts once a switch it should see is in. */
  serve(listener: http.RequestListener): http.RequestListener;
  /** The live release's static files; a hashed asset it lacks comes from an older release kept. */
  staticFiles: Handler;
  /** A handler made from the live release (once per release), e.g. a page handler that reads its files. */
  follow<H extends (...args: never[]) => unknown>(make: (release: Release) => H): H;
  /** Stops watching for switches. */
  close(): void;
}

export interface LiveReleaseOptions {
  /** $DATA_DIR/releases. */
  releasesDir: string;
  /** The build to serve while there are no releases (dist/, or DIST_DIR). */
  distDir: string;
  /** Serve `distDir` only, never a release (DIST_DIR was set by hand). */
  pinned?: boolean;
  /** How often to look for a switch without requests, in ms. */
  intervalMs?: number;
  log?: (line: string) => void;
}

/** Loads the release to serve (a release, else `distDir`); throws when there is no build at all. */
export async function openLiveRelease({
  releasesDir,
  distDir,
  pinned = false,
  intervalMs = 1000,
  log = console.log,
}: LiveReleaseOptions): Promise<LiveRelease> {
  const link = path.join(releasesDir, currentLink);
  const readTarget = (): string | null => {
    try {
      return path.basename(fs.readlinkSync(link));
    } catch {
      return null;
    }
  };
  /** Each release's unhandledRejection listeners (its Astro handler adds one): only the live one's stay. */
  const listeners = new WeakMap<Release, NodeJS.UnhandledRejectionListener[]>();
  const failed = new Set<string>();
  let olderAssets: Handler[] = [];
  const olderHandlers = new Map<string, Handler>();

  /** Releases loaded before, by folder: going back to one reuses it (its module is cached by Node anyway). */
  const loaded = new Map<string, Release>();

  async function load(dir: string, id: string | null): Promise<Release> {
    const known = loaded.get(dir);
    if (known) return known;
    const entry = path.join(dir, 'server', 'entry.mjs');
    if (!fs.existsSync(entry)) throw new Error(`No build found in ${dir} (no server/entry.mjs).`);
    const before = new Set(process.listeners('unhandledRejection'));
    const { handler } = (await import(pathToFileURL(entry).href)) as { handler: AstroHandler };
    const clientDir = path.join(dir, 'client');
    const release = { id, dir, clientDir, astro: handler, staticFiles: createStaticFiles(clientDir), notFound: createNotFound(clientDir) };
    listeners.set(
      release,
      process.listeners('unhandledRejection').filter((l) => !before.has(l)),
    );
    loaded.set(dir, release);
    return release;
  }

  const first = pinned ? null : readTarget();
  let current = first ? await load(path.join(releasesDir, first), first) : await load(distDir, null);
  log(`Serving ${current.id ? `release ${current.id} (${releasesDir})` : current.dir}.`);
  refreshOlder();

  /** The older complete releases' hashed assets, newest first (looked up on disk: they are asked for rarely). */
  function refreshOlder() {
    if (pinned) return;
    const older = listReleases(releasesDir)
      .filter((r) => r.missing.length === 0 && r.id !== current.id)
      .reverse();
    for (const id of olderHandlers.keys()) if (!older.some((r) => r.id === id)) olderHandlers.delete(id);
    // A pruned release is gone for good: forget it (the live one is never pruned).
    for (const [dir, release] of loaded) if (release !== current && !fs.existsSync(dir)) loaded.delete(dir);
    olderAssets = older.map((r) => {
      let handler = olderHandlers.get(r.id);
      if (!handler) olderHandlers.set(r.id, (handler = createStaticFiles(path.join(r.dir, 'client'), { indexed: false })));
      return handler;
    });
  }

  let switching: { id: string; done: Promise<Release> } | null = null;
  function switchTo(id: string): Promise<Release> {
    if (switching?.id === id) return switching.done;
    const done = load(path.join(releasesDir, id), id).then(
      (release) => {
        const previous = current;
        for (const l of listeners.get(previous) ?? []) process.off('unhandledRejection', l);
        for (const l of listeners.get(release) ?? [])
          if (!process.listeners('unhandledRejection').includes(l)) process.on('unhandledRejection', l);
        current = release;
        refreshOlder();
        log(`Switched to release ${id} (was ${previous.id ?? previous.dir}).`);
        return release;
      },
      (error: unknown) => {
        // A release that cannot be loaded is not served: the old one stays (and this is said once).
        failed.add(id);
        console.error(`Release ${id} could not be loaded; still serving ${current.id ?? current.dir}:`, error);
        return current;
      },
    );
    switching = { id, done: done.finally(() => (switching = null)) };
    return switching.done;
  }

  let lastCheck = 0;
  /** The release to serve with: the current one, or a promise of the one `current` now points to. */
  function check(): Release | Promise<Release> {
    if (pinned) return current;
    const now = performance.now();
    if (switching) return switching.done;
    if (now - lastCheck < 1) return current;
    lastCheck = now;
    const target = readTarget();
    if (target === null || target === current.id || failed.has(target)) return current;
    return switchTo(target);
  }

  const timer = setInterval(() => {
    lastCheck = 0;
    void check();
    refreshOlder();
  }, intervalMs);
  timer.unref();

  return {
    get current() {
      return current;
    },
    serve: (listener) => (req, res) => {
      const release = check();
      if (release instanceof Promise) void release.then(() => listener(req, res));
      else listener(req, res);
    },
    staticFiles: (req, res, next) => {
      const older = olderAssets;
      const fromOlder = (i: number): void => {
        const handler = older[i];
        if (!handler) return next();
        handler(req, res, () => fromOlder(i + 1));
      };
      current.staticFiles(req, res, () => (isHashedAsset(req.url ?? '') ? fromOlder(0) : next()));
    },
    follow<H extends (...args: never[]) => unknown>(make: (release: Release) => H): H {
      const made = new WeakMap<Release, H>();
      return ((...args: Parameters<H>) => {
        let handler = made.get(current);
        if (!handler) made.set(current, (handler = make(current)));
        return handler(...args);
      }) as H;
    },
    close: () => clearInterval(timer),
  };
}
