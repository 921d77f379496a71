/**
 * GET/HEAD /healthz, for the operator's uptime monitor, the container HEALTHCHECK and the proxies:
 * 200 `{"status":"ok","checks":{"database":{"ok":true},"disk":{"ok":true}},"release":"…","uptimeSeconds":N}`
 * when the server can read AND write its database; 503 with `"status":"fail"` and the failing
 * check's code (SQLITE_FULL, SQLITE_BUSY, ENOENT …) when it cannot. The checks:
 * - database: the file at its path is still the one the server opened (a deleted or replaced
 *   file would lose every new post on the next restart), then one committed write and read
 *   (src/store/checkHealth.ts) with a 1 s busy timeout instead of the server's 5 s, so a lock
 *   held elsewhere turns 503 in about a second instead of hanging the monitor;
 * - disk: at least 8 MB free where the data lives. A full disk does not always fail the write
 *   above (SQLite reuses its WAL file's space), but the next growth of the file fails.
 * The result is kept for 1 s: a monitor every 10 s, or many, cost one write a second at most.
 * Nothing personal is in it; it is never cached by a proxy (Cache-Control: no-store).
 */
import { statfsSync, statSync, type Stats } from 'node:fs';
import type http from 'node:http';
import type { DatabaseSync } from 'node:sqlite';
import { checkHealth, type Health } from '#src/store/checkHealth.ts';
import { releaseId } from './releaseId.ts';

export interface HealthReport {
  status: 'ok' | 'fail';
  checks: { database: Health; disk: Health };
  /** The running release (./releaseId.ts). */
  release: string;
  /** Seconds since the server started. */
  uptimeSeconds: number;
}

export interface HealthzOptions {
  /** The server's one open connection. */
  db: DatabaseSync;
  /** Path of its database file. */
  file: string;
  /** The data directory (for the free space). */
  dataDir: string;
  release: () => string;
  /** How long a result is reused, in ms (default 1000). */
  cacheMs?: number;
  /** How long the write waits for a lock held elsewhere, in ms (default 1000). */
  busyTimeoutMs?: number;
  /** Less free space than this where the data lives fails the check (default 8 MiB). */
  minFreeBytes?: number;
  /** The clock (tests). */
  now?: () => number;
}

const codeOf = (error: unknown) => (error as { code?: string }).code ?? 'unknown';

/** The checks, as a function that runs them (or answers the last result within `cacheMs`). */
export function healthChecks({
  db,
  file,
  dataDir,
  release,
  cacheMs = 1000,
  busyTimeoutMs = 1000,
  minFreeBytes = 8 * 1024 * 1024,
  now = Date.now,
}: HealthzOptions): () => HealthReport {
  const startedAt = now();
  let opened: Stats | undefined;
  try {
    opened = statSync(file);
  } catch {
    // Reported by the first check.
  }
  let last: { at: number; report: Omit<HealthReport, 'uptimeSeconds'> } | undefined;

  const database = (): Health => {
    let current: Stats;
    try {
      current = statSync(file);
    } catch (error) {
      return { ok: false, code: codeOf(error) };
    }
    if (!opened || !current.isFile() || current.ino !== opened.ino || current.dev !== opened.dev) return { ok: false, code: 'replaced' };
    if (!db.isOpen) return { ok: false, code: 'closed' };
    const previous = Number((db.prepare('PRAGMA busy_timeout').get() as { timeout: number }).timeout);
    db.exec(`PRAGMA busy_timeout = ${Number(busyTimeoutMs)}`);
    try {
      return checkHealth(db, new Date(now()));
    } finally {
      if (db.isOpen) db.exec(`PRAGMA busy_timeout = ${previous}`);
    }
  };

  const disk = (): Health => {
    try {
      const { bavail, bsize } = statfsSync(dataDir);
      return bavail * bsize >= minFreeBytes ? { ok: true } : { ok: false, code: 'ENOSPC' };
    } catch (error) {
      return { ok: false, code: codeOf(error) };
    }
  };

  return () => {
    const at = now();
    if (!last || at - last.at >= cacheMs || at < last.at) {
      const checks = { database: database(), disk: disk() };
      const status = checks.database.ok && checks.disk.ok ? 'ok' : 'fail';
      // One log line when the state changes, with the codes only.
      if (status !== (last?.report.status ?? 'ok')) {
        const failing = Object.entries(checks).flatMap(([name, c]) => (c.ok ? [] : [`${name} ${c.code}`]));
        console.error(status === 'ok' ? 'healthz: ok again' : `healthz: failing (${failing.join(', ')})`);
      }
      last = { at, report: { status, checks, release: release() } };
    }
    return { ...last.report, uptimeSeconds: Math.floor((at - startedAt) / 1000) };
  };
}

/**
 * The /healthz handler for the server's store, its data directory and its build (`distDir` and the
 * code's `root` name the release): true when it answered the request (any method on /healthz),
 * false for every other path.
 */
export function createHealthz({
  store,
  dataDir,
  distDir,
  root,
  env = process.env,
  ...options
}: Omit<HealthzOptions, 'db' | 'file' | 'release'> & {
  store: { db: DatabaseSync; file: string };
  distDir: string;
  root: string;
  /** Where RELEASE_ID is read (tests). */
  env?: Record<string, string | undefined>;
}): (req: http.IncomingMessage, res: http.ServerResponse) => boolean {
  const check = healthChecks({
    db: store.db,
    file: store.file,
    dataDir,
    release: releaseId({ env, dataDir, distDir, root }),
    ...options,
  });
  return (req, res) => {
    const pathname = (req.url ?? '/').split('?')[0];
    if (pathname !== '/healthz') return false;
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return true;
    }
    const report = check();
    const body = JSON.stringify(report);
    res.writeHead(report.status === 'ok' ? 200 : 503, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(body),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  };
}
