/**
 * The staff inbox's list with many requests: a throw-away database with N requests (languages
 * and statuses mixed), a signed-in coordinator, and timed GETs of /inbox/?show=all on loopback.
 * The figure is the server's time to render the whole page (loopback adds well under 1 ms).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openStore } from '#src/store/openStore.ts';
import { addSyntheticRequests } from '#src/store/requests.ts';
import { staffStore } from '#src/store/staff.ts';
import type { RequestStatus } from '#src/inbox/requestStatus.ts';
import { startServer } from '../lib/startServer.ts';

const langs = ['ar', 'so', 'ur', 'fa', 'tr', 'en', 'da'];
const names = ['فاطمة', 'Hodan', 'نازیہ', 'مریم', 'Ayşe', 'Amina', 'Sara'];
const statuses: readonly RequestStatus[] = ['new', 'new', 'contacted', 'not_reached', 'came', 'started', 'declined'];
/** The i-th of `list`, round and round. */
const nth = <T extends string>(list: readonly T[], i: number): T => list[i % list.length] as T;

export interface InboxListResult {
  requests: number;
  runs: number;
  /** server time to render the list, ms */
  p50: number;
  p95: number;
  max: number;
  /** HTML bytes of the page */
  bytes: number;
}

/** Fills a throw-away database with `requests` requests and times `runs` renders of the list on `port`. */
export async function measureInboxList(
  root: string,
  { port, requests = 5000, runs = 20, log = () => {} }: { port: number; requests?: number; runs?: number; log?: (s: string) => void },
): Promise<InboxListResult> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aaben-doer-bench-inbox-'));
  const store = openStore({ dataDir });
  const start = Date.now() - requests * 60_000;
  addSyntheticRequests(
    store.db,
    Array.from({ length: requests }, (_, i) => ({
      createdAt: new Date(start + i * 60_000).toISOString(),
      firstName: nth(names, i),
      phone: `+452${String(i).padStart(7, '0')}`,
      language: nth(langs, i),
      contactMethod: 'call',
      bestTime: 'any',
      activities: ['courses'],
      interpreter: i % 2 === 1,
      consentVersion: 'bench',
      consentLanguage: nth(langs, i),
      status: nth(statuses, i),
    })),
  );
  const staff = staffStore(store.db);
  const session = staff.createSession(staff.invite({ name: 'Bench', role: 'coordinator' }).staffId);
  store.close();

  const server = await startServer({ root, port, env: { DATA_DIR: dataDir, PUBLIC_ORIGIN: `http://localhost:${port}` } });
  try {
    const get = async () => {
      const t = performance.now();
      const res = await fetch(`${server.url}/inbox/?show=all`, { headers: { Cookie: `inbox=${session}` } });
      const body = await res.text();
      if (res.status !== 200 || !body.includes('Hodan')) throw new Error(`the inbox answered ${res.status}`);
      return { ms: performance.now() - t, bytes: Buffer.byteLength(body) };
    };
    for (let i = 0; i < 3; i++) await get(); // warm-up: first renders compile and fill caches
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < runs; i++) {
      const r = await get();
      times.push(r.ms);
      bytes = r.bytes;
    }
    times.sort((a, b) => a - b);
    const at = (q: number) => Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0);
    const result = { requests, runs, p50: at(0.5), p95: at(0.95), max: Math.round(times.at(-1) ?? 0), bytes };
    const kB = Math.round(bytes / 1000);
    log(`${requests} requests, ${runs} renders of /inbox/?show=all (page 1): p50 ${result.p50} ms, p95 ${result.p95} ms, ${kB} kB of HTML`);
    return result;
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
