/**
 * Load on the interest-form receiver (POST /api/interest): 50 concurrent connections on
 * loopback with autocannon, every post a VALID registration made the way her browser makes it:
 * the form page is loaded in Chromium, filled in, its FormData read (hidden fields such as the
 * signed "started at" token included), and sent only after the form's minimum fill time.
 * Each post gets its own phone number (and, behind the trusted-proxy setting the server is
 * started with, its own client address, so the per-client rate limit counts 50 different women
 * instead of refusing one busy one). Afterwards the rows in SQLite must equal the 303s.
 */
import { DatabaseSync } from 'node:sqlite';
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';

/**
 * @typedef {object} FormLoadResult
 * @property {number} connections
 * @property {number} posts          requests sent
 * @property {number} acknowledged   303 See Other answers
 * @property {Record<string, number>} statusCodes
 * @property {number} errors         connection errors and timeouts
 * @property {number} rowsStored     rows the run added to the database
 * @property {boolean} rowsMatch     rowsStored === acknowledged
 * @property {number} rps            mean requests per second
 * @property {number} p50            latency, ms
 * @property {number} p90
 * @property {number} p99
 * @property {number} max
 * @property {number} durationS
 * @property {number} waitedMs       time waited for the minimum fill time before the run
 */

/**
 * @param {import('@playwright/test').Browser} browser
 * @param {{ baseUrl: string, formPath: string, dataDir: string, connections?: number, posts?: number, log?: (s: string) => void }} o
 * @returns {Promise<FormLoadResult>}
 */
export async function measureFormReceiver(browser, { baseUrl, formPath, dataDir, connections = 50, posts = 3000, log = () => {} }) {
  const page = await browser.newPage();
  await page.goto(baseUrl + formPath);
  const form = page.locator('form[method="post" i]').first();
  const action = new URL((await form.getAttribute('action')) ?? formPath, baseUrl + formPath).href;
  // Fill in what she must: first name, phone, consent (the rest keeps the form's presets).
  await form.locator('input[name="name"]').fill('Bench');
  await form.locator('input[name="phone"]').fill('20 00 00 00');
  await form.locator('input[name="consent"]').check();
  /** @type {[string, string][]} */
  const entries = await form.evaluate((f) =>
    [...new FormData(/** @type {HTMLFormElement} */ (f)).entries()].map(([k, v]) => [k, typeof v === 'string' ? v : '']),
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
  const origin = new URL(baseUrl).origin;
  const headers = { 'content-type': 'application/x-www-form-urlencoded', origin };

  // The token says when the form was served: wait out the minimum fill time once, the way she
  // would take a moment to type. One probe a second until the receiver says 303.
  const started = Date.now();
  for (;;) {
    const res = await fetch(action, { method: 'POST', redirect: 'manual', headers: { ...headers, 'x-forwarded-for': clientAddress() }, body: body() });
    await res.arrayBuffer();
    if (res.status === 303) break;
    if (Date.now() - started > 30_000) throw new Error(`the receiver never accepted the filled-in form (last answer ${res.status})`);
    await new Promise((r) => setTimeout(r, 1000));
  }
  const waitedMs = Date.now() - started;
  log(`form accepted after ${(waitedMs / 1000).toFixed(1)} s (minimum fill time); posting ${posts} registrations on ${connections} connections…`);

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
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    durationS: result.duration,
    waitedMs,
  };
}

/** Rows in the interest database (0 before the first registration created it). @param {string} dataDir */
function countRows(dataDir) {
  const file = path.join(dataDir, 'interest.sqlite');
  if (!fs.existsSync(file)) return 0;
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    return Number(/** @type {{ n: number }} */ (db.prepare('SELECT count(*) AS n FROM interest').get()).n);
  } finally {
    db.close();
  }
}
