/**
 * Lighthouse 13 in its default (mobile) mode against pages of the running site, through one
 * system Chromium that Playwright starts with a DevTools port. Lighthouse 13 needs Node ≥ 22.19:
 * run it through `npm run bench` (the project's Node 22), never the system Node 20.
 */
import { launchChromium } from '../lib/chromium.ts';

/** The four categories the budget names ("agentic-browsing", new in 13.x, is left out). */
export const lighthouseCategories = ['performance', 'accessibility', 'best-practices', 'seo'];

/**
 * @typedef {object} LighthouseResult
 * @property {string} url
 * @property {Record<string, number | null>} scores  0–100 per category
 * @property {number | null} lcpMs
 * @property {number | null} fcpMs
 * @property {number | null} tbtMs
 * @property {number | null} cls
 * @property {number | null} totalBytes  Lighthouse's own total byte weight
 * @property {number | null} benchmarkIndex  how fast Lighthouse judged this machine's CPU
 * @property {string[]} failing  ids of audits that lost points (score < 1), for the report
 * @property {number} [runs]  how many runs this median was taken from
 * @property {string} [error]
 */

/**
 * Why Lighthouse cannot run here, or null when it can.
 * @returns {Promise<string | null>}
 */
export async function lighthouseUnavailable() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 22 || (major === 22 && minor < 19)) {
    const fix = `run "npm run bench", which uses the project's Node 22`;
    return `Lighthouse 13 needs Node >= 22.19 and this is Node ${process.versions.node}: ${fix}`;
  }
  try {
    await import('lighthouse');
  } catch (error) {
    return `lighthouse is not installed (${/** @type {Error} */ (error).message.split('\n')[0]}): run "npm install"`;
  }
  return null;
}

/**
 * Runs Lighthouse `runs` times per URL, one after another (parallel runs on a small machine
 * would distort each other's CPU timings), and keeps the median run of each URL.
 * @param {string[]} urls
 * @param {{ debugPort: number, runs?: number, onResult?: (r: LighthouseResult) => void }} options
 * @returns {Promise<LighthouseResult[]>}
 */
export async function runLighthouse(urls, { debugPort, runs = 1, onResult }) {
  const { default: lighthouse } = await import('lighthouse');
  const browser = await launchChromium([`--remote-debugging-port=${debugPort}`, '--disable-dev-shm-usage']);
  /** @type {LighthouseResult[]} */
  const results = [];
  try {
    for (const url of urls) {
      /** @type {LighthouseResult[]} */
      const attempts = [];
      for (let i = 0; i < Math.max(1, runs); i += 1) attempts.push(await runOnce(lighthouse, url, debugPort));
      const result = medianRun(attempts);
      results.push(result);
      onResult?.(result);
    }
  } finally {
    await browser.close();
  }
  return results;
}

/**
 * The middle run by performance score, then LCP (errors count as worst).
 * @param {LighthouseResult[]} attempts
 */
export function medianRun(attempts) {
  const key = (/** @type {LighthouseResult} */ r) => (r.error ? -Infinity : (r.scores.performance ?? 0) * 1e6 - (r.lcpMs ?? 0));
  const sorted = [...attempts].sort((a, b) => key(a) - key(b));
  return { ...sorted[Math.floor((sorted.length - 1) / 2)], runs: attempts.length };
}

/**
 * @param {any} lighthouse the Lighthouse Node API
 * @param {string} url @param {number} debugPort
 * @returns {Promise<LighthouseResult>}
 */
async function runOnce(lighthouse, url, debugPort) {
  /** @type {LighthouseResult} */
  let result;
  try {
    const run = await lighthouse(url, { port: debugPort, output: 'json', logLevel: 'error', onlyCategories: lighthouseCategories });
    const lhr = run?.lhr;
    if (!lhr) throw new Error('Lighthouse returned no result');
    if (lhr.runtimeError) throw new Error(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    const num = (/** @type {string} */ id) => lhr.audits[id]?.numericValue ?? null;
    result = {
      url,
      scores: Object.fromEntries(
        lighthouseCategories.map((c) => [c, lhr.categories[c]?.score == null ? null : Math.round(lhr.categories[c].score * 100)]),
      ),
      lcpMs: num('largest-contentful-paint'),
      fcpMs: num('first-contentful-paint'),
      tbtMs: num('total-blocking-time'),
      cls: num('cumulative-layout-shift'),
      totalBytes: num('total-byte-weight'),
      benchmarkIndex: lhr.environment?.benchmarkIndex ?? null,
      failing: lighthouseCategories.flatMap((c) =>
        (lhr.categories[c]?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0 && lhr.audits[ref.id]?.score != null && /** @type {number} */ (lhr.audits[ref.id].score) < 1)
          .map((ref) => ref.id),
      ),
    };
  } catch (error) {
    result = {
      url,
      scores: {},
      lcpMs: null,
      fcpMs: null,
      tbtMs: null,
      cls: null,
      totalBytes: null,
      benchmarkIndex: null,
      failing: [],
      error: /** @type {Error} */ (error).message,
    };
  }
  return result;
}
