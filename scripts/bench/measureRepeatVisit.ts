/**
 * The repeat visit: what a page she has opened costs her the next time, with the offline worker's
 * cache warm (src/browser/serviceWorker.ts), and whether it reloads without a network. The goal is 0
 * bytes of files: only the page itself is asked again (network first, so meeting lists stay
 * current), and that answer is a 304 without a body when nothing changed. The browser's check
 * for a new worker (once a day) would show here as a request for /sw.js.
 *
 * Bytes are counted on a small proxy between the browser and the server, both ways, headers
 * included: the requests the worker makes itself (its own script, her language's home and offline
 * page) do not reach the page's DevTools connection, which the first-load page weight reads.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from '@playwright/test';
import { kb } from './evaluateBudgets.ts';

export interface RepeatVisitRow {
  /** The page, e.g. /so/meetings/. */
  path: string;
  /** Bytes over the network on the first visit, the worker's own requests included. */
  firstVisit: number;
  /** Bytes over the network when she opens the page again. */
  repeatVisit: number;
  /** The requests of the repeat visit, as "status path". */
  repeatRequests: string[];
  /** The page reloaded in its language with the network cut. */
  offline: boolean;
}

/** A proxy to `target` that counts the bytes through it. */
async function countingProxy(
  target: string,
): Promise<{ url: string; take(): { bytes: number; requests: string[] }; close(): Promise<void> }> {
  const to = new URL(target);
  let bytes = 0;
  let requests: string[] = [];
  const headerBytes = (raw: string[]) => raw.reduce((n, s) => n + Buffer.byteLength(s) + 2, 0);
  const server = http.createServer((req, res) => {
    bytes += Buffer.byteLength(`${req.method} ${req.url} HTTP/1.1\r\n`) + headerBytes(req.rawHeaders) + 2;
    const upstream = http.request(
      { host: to.hostname, port: to.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        bytes += Buffer.byteLength(`HTTP/1.1 ${answer.statusCode} ${answer.statusMessage}\r\n`) + headerBytes(answer.rawHeaders) + 2;
        requests.push(`${answer.statusCode} ${req.url}`);
        res.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
        answer.on('data', (chunk: Buffer) => (bytes += chunk.length));
        answer.pipe(res);
      },
    );
    req.on('data', (chunk: Buffer) => (bytes += chunk.length));
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    take() {
      const taken = { bytes, requests };
      bytes = 0;
      requests = [];
      return taken;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Opens each page twice in one browser profile (a phone) and once more with the network cut. */
export async function measureRepeatVisit(browser: Browser, serverUrl: string, paths: string[]): Promise<RepeatVisitRow[]> {
  const proxy = await countingProxy(serverUrl);
  const rows: RepeatVisitRow[] = [];
  try {
    for (const path of paths) {
      const lang = path.split('/')[1] ?? '';
      const context = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true });
      const page = await context.newPage();
      proxy.take();
      await page.goto(proxy.url + path, { waitUntil: 'load' });
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 15_000 });
      // The worker keeps her language's offline page last: the first visit is over when it is kept.
      for (let i = 0; i < 100 && !(await page.evaluate(async (p) => Boolean(await caches.match(p)), `/${lang}/offline/`)); i++) {
        await page.waitForTimeout(100);
      }
      await page.waitForTimeout(300);
      const first = proxy.take();

      await page.goto(proxy.url + path, { waitUntil: 'load' });
      await page.waitForTimeout(3000);
      const repeat = proxy.take();

      await context.setOffline(true);
      await page.reload({ waitUntil: 'load' }).catch(() => null);
      const offline = await page
        .evaluate((l) => document.documentElement.lang === l && !document.querySelector('[data-offline-note]'), lang)
        .catch(() => false);
      await context.close();
      rows.push({ path, firstVisit: first.bytes, repeatVisit: repeat.bytes, repeatRequests: repeat.requests, offline });
    }
  } finally {
    await proxy.close();
  }
  return rows;
}

/** The rows as a small table for the bench's log (1 KB = 1000 bytes, as everywhere in the bench). */
export function repeatVisitTable(rows: RepeatVisitRow[]): string {
  const row = (cells: string[], requests: string) =>
    `${cells[0]!.padEnd(24)} ${cells[1]!.padStart(9)} ${cells[2]!.padStart(9)}  ${requests}`;
  const lines = rows.map((r) =>
    row([r.path, kb(r.firstVisit), kb(r.repeatVisit)], `${r.offline ? 'yes' : 'NO '}      ${r.repeatRequests.join(', ')}`),
  );
  return [row(['page', 'first', 'again'], 'offline  requests when opened again'), ...lines].join('\n');
}
