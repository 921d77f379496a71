/**
 * Load on the interest-form receiver (POST /api/interest): 50 concurrent connections on
 * loopback with autocannon, every post a VALID registration made the way her browser makes it:
 * the form page is loaded in Chromium, filled in, its FormData read (hidden fields such as the
 * signed "started at" token included), and sent only after the form's minimum fill time.
 * Each post gets its own phone number and, behind the trusted-proxy setting the server is
 * started with (TRUST_PROXY=1), its own client address: the per-client rate limit stays on at
 * its production default and counts 3000 different women instead of refusing one busy one.
 * Afterwards the rows in SQLite must equal the 303s (a post the receiver takes for a bot also
 * gets a 303, but is not stored).
 */
import autocannon from 'autocannon';
import { countStoredRows } from '#src/store/interest.ts';
import type { Browser } from '@playwright/test';

export interface FormLoadResult {
  connections: number;
  /** requests sent */
  posts: number;
  /** 303 See Other answers */
  acknowledged: number;
  statusCodes: Record<string, number>;
  /** connection errors and timeouts */
  errors: number;
  /** rows the run added to the database */
  rowsStored: number;
  /** rowsStored === acknowledged */
  rowsMatch: boolean;
  /** mean requests per second */
  rps: number;
  /** latency, ms */
  p50: number;
  p90: number;
  p99: number;
  max: number;
  durationS: number;
  /** time waited for the minimum fill time before the run */
  waitedMs: number;
  /** the same load as GETs of a static page: the floor this machine (and its other work) puts under any figure */
  staticBaseline: { url: string; rps: number; p50: number; p99: number };
}

/** Loads the form in `browser`, then sends `posts` valid posts on `connections` connections. */
export async function measureFormReceiver(
  browser: Browser,
  {
    baseUrl,
    formPath,
    dataDir,
    connections = 50,
    posts = 3000,
    log = () => {},
  }: { baseUrl: string; formPath: string; dataDir: string; connections?: number; posts?: number; log?: (s: string) => void },
): Promise<FormLoadResult> {
  const page = await browser.newPage();
  await page.goto(baseUrl + formPath);
  const servedAt = Date.now();
  const form = page.locator('form[method="post" i]').first();
  const action = new URL((await form.getAttribute('action')) ?? formPath, baseUrl + formPath).href;
  // Fill in what she must: first name, phone, consent (the rest keeps the form's presets).
  await form.locator('input[name="name"]').fill('Bench');
  await form.locator('input[name="phone"]').fill('20 00 00 00');
  await form.locator('input[name="consent"]').check();
  const entries = await form.evaluate((f) =>
    [...new FormData(f as HTMLFormElement).entries()].map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : '']),
  );
  await page.close();

  let serial = 0;
  const body = () => {
    serial += 1;
    const params = new URLSearchParams(entries);
    params.set('phone', `+45${String(30_000_000 + serial)}`);
    return params.toString();
  };
  const clientAddress = () => `10.${(serial >> 16) & 255}.${(serial >> 8) & 255}.${serial & 255}`;
  // What her browser sends with a same-site form post.
  const headers = { 'content-type': 'application/x-www-form-urlencoded', origin: new URL(baseUrl).origin, 'sec-fetch-site': 'same-origin' };

  // The signed token says when the page was served; a post sooner than the minimum fill time is
  // treated as a bot (answered 303 like her, but not stored). Wait it out once, as she would
  // while typing, then check that a probe post really lands in the database.
  const minFillMs = await minimumFillTime();
  await new Promise((r) => setTimeout(r, Math.max(0, servedAt + minFillMs + 250 - Date.now())));
  for (;;) {
    const before = countRows(dataDir);
    const res = await fetch(action, {
      method: 'POST',
      redirect: 'manual',
      headers: { ...headers, 'x-forwarded-for': clientAddress() },
      body: body(),
    });
    await res.arrayBuffer();
    if (res.status === 303 && countRows(dataDir) === before + 1) break;
    if (Date.now() - servedAt > 30_000) throw new Error(`the receiver did not store the filled-in form (last answer ${res.status})`);
    await new Promise((r) => setTimeout(r, 1000));
  }
  const waitedMs = Date.now() - servedAt;
  const probe = `a probe post was stored ${(waitedMs / 1000).toFixed(1)} s after the form was served (minimum fill time ${minFillMs} ms)`;
  log(`${probe}; posting ${posts} registrations on ${connections} connections…`);

  const rowsBefore = countRows(dataDir);
  const result = await autocannon({
    url: action,
    connections,
    amount: posts,
    method: 'POST',
    headers,
    timeout: 30,
    requests: [
      {
        setupRequest: (req) => ({ ...req, body: body(), headers: { ...req.headers, 'x-forwarded-for': clientAddress() } }),
      },
    ],
  });
  const rowsStored = countRows(dataDir) - rowsBefore;
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count]));
  const acknowledged = statusCodes['303'] ?? 0;
  return {
    connections,
    posts: result.requests.sent,
    acknowledged,
    statusCodes,
    errors: result.errors + result.timeouts,
    rowsStored,
    rowsMatch: rowsStored === acknowledged,
    rps: Math.round(result.requests.total / result.duration),
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    durationS: result.duration,
    waitedMs,
    staticBaseline: await staticBaseline(baseUrl, connections, posts),
  };
}

/**
 * The same number of requests on the same connections, as GETs of the home page (a precompressed
 * static file): what the server, autocannon and the machine's other work cost without the form.
 */
async function staticBaseline(baseUrl: string, connections: number, amount: number): Promise<FormLoadResult['staticBaseline']> {
  const url = `${baseUrl}/`;
  const r = await autocannon({ url, connections, amount, headers: { 'accept-encoding': 'br' } });
  return { url, rps: Math.round(r.requests.total / r.duration), p50: r.latency.p50, p99: r.latency.p99 };
}

/** The receiver's minimum fill time (src/interest/interestSettings.ts, env INTEREST_MIN_FILL_MS). */
async function minimumFillTime(): Promise<number> {
  try {
    const { interestSettings } = await import('#src/interest/interestSettings.ts');
    return interestSettings({ retentionDays: 1, siteUrl: 'http://localhost/' }).minFillMs;
  } catch {
    return 3000;
  }
}

/** Rows in the interest database (0 before the first registration created it). */
function countRows(dataDir: string): number {
  return countStoredRows(dataDir);
}
