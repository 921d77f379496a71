import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createVisitCounter } from '#src/channels/visitCounter.ts';
import { createShortLinks } from '#src/channels/shortLinkServer.ts';
import { channelCounts, type VisitBatchEntry } from '#src/store/channelCounts.ts';
import { openStore, type Database } from '#src/store/openStore.ts';

const at = new Date('2026-11-20T10:00:00Z');

describe('createVisitCounter()', () => {
  it('writes nothing per hit, then one batch per flush: the day, the code and a number', () => {
    const batches: VisitBatchEntry[][] = [];
    const visits = createVisitCounter({ write: (b) => batches.push(b), flushMs: 0 });
    visits.count('sp-greve', 'a', at);
    visits.count('sp-greve', 'b', at);
    visits.count('_unknown', 'a', at);
    expect(batches).toEqual([]);
    visits.flush();
    expect(batches).toEqual([
      [
        { day: '2026-11-20', code: 'sp-greve', count: 2 },
        { day: '2026-11-20', code: '_unknown', count: 1 },
      ],
    ]);
    visits.flush();
    expect(batches).toHaveLength(1);
  });

  it('counts at most `perClient` visits per client per window, so one script cannot skew the figures', () => {
    const batches: VisitBatchEntry[][] = [];
    const visits = createVisitCounter({ write: (b) => batches.push(b), flushMs: 0, perClient: 3 });
    const counted = Array.from({ length: 1000 }, () => visits.count('sp-greve', '203.0.113.9', at));
    expect(counted.filter(Boolean)).toHaveLength(3);
    expect(visits.count('sp-greve', '198.51.100.1', at)).toBe(true);
    visits.stop();
    expect(batches).toEqual([[{ day: '2026-11-20', code: 'sp-greve', count: 4 }]]);
  });

  it('keeps a batch the database refused for the next flush', () => {
    let fail = true;
    const written: VisitBatchEntry[][] = [];
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const visits = createVisitCounter({
      write: (b) => {
        if (fail) throw Object.assign(new Error('locked'), { code: 'ERR_SQLITE_ERROR' });
        written.push(b);
      },
      flushMs: 0,
    });
    visits.count('fb', 'a', at);
    visits.flush();
    fail = false;
    visits.count('fb', 'b', at);
    visits.flush();
    error.mockRestore();
    expect(written).toEqual([[{ day: '2026-11-20', code: 'fb', count: 2 }]]);
  });

  it('flushes on its own every flushMs', async () => {
    const batches: VisitBatchEntry[][] = [];
    const visits = createVisitCounter({ write: (b) => batches.push(b), flushMs: 20 });
    visits.count('fb', 'a', at);
    await vi.waitFor(() => expect(batches).toHaveLength(1));
    visits.stop();
  });
});

describe('channelCounts().addVisits()', () => {
  let dir: string;
  let db: Database;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'visits-'));
    db = openStore({ dataDir: dir }).db;
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('adds a batch to the day counts in one transaction', () => {
    const counts = channelCounts(db);
    counts.countVisit('fb', at);
    counts.addVisits([
      { day: '2026-11-20', code: 'fb', count: 4 },
      { day: '2026-11-21', code: '_unknown', count: 2 },
    ]);
    expect(db.prepare('SELECT * FROM link_visits ORDER BY day, code').all()).toEqual([
      { day: '2026-11-20', code: 'fb', count: 5 },
      { day: '2026-11-21', code: '_unknown', count: 2 },
    ]);
  });
});

describe('/r/<code> on the server', () => {
  let server: http.Server;
  let base: string;
  const counted: string[] = [];
  beforeEach(async () => {
    counted.length = 0;
    const shortLinks = createShortLinks([{ code: 'fb', lang: 'ar' }] as never, (code) => void counted.push(code));
    server = http.createServer((req, res) => {
      if (!shortLinks(req, res)) res.writeHead(418).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('counts a GET, answers a HEAD the same without counting, and refuses other methods with 405 and Allow', async () => {
    const get = await fetch(`${base}/r/fb`, { redirect: 'manual' });
    expect([get.status, get.headers.get('location')]).toEqual([302, '/ar/?via=fb']);
    const head = await fetch(`${base}/r/fb`, { method: 'HEAD', redirect: 'manual' });
    expect([head.status, head.headers.get('location')]).toEqual([302, '/ar/?via=fb']);
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS']) {
      const res = await fetch(`${base}/r/fb`, { method, redirect: 'manual' });
      expect(res.status, method).toBe(405);
      expect(res.headers.get('allow'), method).toBe('GET, HEAD');
    }
    expect(counted).toEqual(['fb']);
  });
});
