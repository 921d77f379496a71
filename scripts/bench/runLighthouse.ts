/**
 * Lighthouse 13 in its default (mobile) mode against pages of the running site, through one
 * system Chromium that Playwright starts with a DevTools port. Lighthouse 13 needs Node ≥ 22.19:
 * run it through `npm run bench` (the project's Node 22), never the system Node 20.
 */
import type lighthouseApi from 'lighthouse';
import { launchChromium } from '../lib/chromium.ts';
import { missingPath } from './discoverPageTypes.ts';

/** The four categories the budget names ("agentic-browsing", new in 13.x, is left out). */
export const lighthouseCategories = ['performance', 'accessibility', 'best-practices', 'seo'];

export interface LighthouseResult {
  url: string;
  /** 0–100 per category */
  scores: Record<string, number | null>;
  lcpMs: number | null;
  fcpMs: number | null;
  tbtMs: number | null;
  cls: number | null;
  /** Lighthouse's own total byte weight */
  totalBytes: number | null;
  /** how fast Lighthouse judged this machine's CPU */
  benchmarkIndex: number | null;
  /** ids of audits that lost points (score < 1), for the report */
  failing: string[];
  /** those of `failing` that the 404 page fails by being one (notFoundByDesign); absent elsewhere */
  byDesign?: string[];
  /** how many runs this median was taken from */
  runs?: number;
  /** the CPU benchmark index of every run the median was taken from, in run order */
  runIndexes?: (number | null)[];
  error?: string;
}

/**
 * Audits the 404 page fails by doing its job: it answers 404 (`http-status-code`, and Chromium
 * logs that 404 of the document itself in the console: `errors-in-console`), and it tells search
 * engines not to list it (`is-crawlable`; a page never listed shows no `meta-description`).
 * Only these are set apart, and a console error other than the page's own 404 still counts.
 */
const notFoundByDesign = ['http-status-code', 'is-crawlable', 'meta-description', 'errors-in-console'] as const;

/** Of a 404 page's `failing` audits, those in notFoundByDesign; `consoleUrls` are the URLs of its console errors. */
export function failedByDesign(failing: string[], consoleUrls: string[], pageUrl: string): string[] {
  return failing.filter(
    (id) =>
      (notFoundByDesign as readonly string[]).includes(id) &&
      (id !== 'errors-in-console' || (consoleUrls.length > 0 && consoleUrls.every((u) => u === pageUrl))),
  );
}

/** A run's lowest score of the four categories; an error or a missing score counts as -1. */
export function lowestScore(r: LighthouseResult): number {
  return r.error ? -1 : Math.min(...Object.values(r.scores).map((s) => s ?? -1));
}

/** Whether a run misses "100 in all four categories": an error, or a lost point not explained by failedByDesign. */
export function missesLighthouse(r: LighthouseResult): boolean {
  if (r.error) return true;
  if (Object.values(r.scores).every((s) => s === 100)) return false;
  return r.failing.length === 0 || r.failing.some((id) => !(r.byDesign ?? []).includes(id));
}

/** One Lighthouse result with the page type and language it measured (the bench's rows). */
export type LighthouseRow = LighthouseResult & { type: string; lang: string };

/** Why Lighthouse cannot run here, or null when it can. */
export async function lighthouseUnavailable(): Promise<string | null> {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  if (major < 22 || (major === 22 && minor < 19)) {
    const fix = `run "npm run bench", which uses the project's Node 22`;
    return `Lighthouse 13 needs Node >= 22.19 and this is Node ${process.versions.node}: ${fix}`;
  }
  try {
    await import('lighthouse');
  } catch (error) {
    return `lighthouse is not installed (${(error as Error).message.split('\n')[0]}): run "npm install"`;
  }
  return null;
}

/**
 * Runs Lighthouse `runs` times per URL, one after another (parallel runs on a small machine
 * would distort each other's CPU timings), and keeps the median run of each URL. `onRun` hears
 * of every run (with its CPU index), `onResult` of each URL's median.
 */
export async function runLighthouse(
  urls: string[],
  {
    debugPort,
    runs = 1,
    onRun,
    onResult,
  }: {
    debugPort: number;
    runs?: number;
    onRun?: (r: LighthouseResult, run: number) => void;
    onResult?: (r: LighthouseResult) => void;
  },
): Promise<LighthouseResult[]> {
  const { default: lighthouse } = await import('lighthouse');
  const browser = await launchChromium([`--remote-debugging-port=${debugPort}`, '--disable-dev-shm-usage']);
  const results: LighthouseResult[] = [];
  try {
    for (const url of urls) {
      const attempts: LighthouseResult[] = [];
      for (let i = 0; i < Math.max(1, runs); i += 1) {
        const attempt = await runOnce(lighthouse, url, debugPort);
        attempts.push(attempt);
        onRun?.(attempt, i + 1);
      }
      const result = medianRun(attempts);
      results.push(result);
      onResult?.(result);
    }
  } finally {
    await browser.close();
  }
  return results;
}

/** The middle run by performance score, then LCP (errors count as worst). */
export function medianRun(attempts: LighthouseResult[]): LighthouseResult {
  const key = (r: LighthouseResult) => (r.error ? -Infinity : (r.scores.performance ?? 0) * 1e6 - (r.lcpMs ?? 0));
  const sorted = [...attempts].sort((a, b) => key(a) - key(b));
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  if (!median) throw new Error('medianRun() needs at least one run');
  return { ...median, runs: attempts.length, runIndexes: attempts.map((a) => a.benchmarkIndex) };
}

/** One Lighthouse run of `url` through the browser on `debugPort`; a failed run is a result with `error`. */
async function runOnce(lighthouse: typeof lighthouseApi, url: string, debugPort: number): Promise<LighthouseResult> {
  let result: LighthouseResult;
  try {
    // ignoreStatusCode: the 404 page is measured where she meets it, as the answer to a missing address.
    const isMissing = url.endsWith(`/${missingPath}`);
    const run = await lighthouse(url, {
      port: debugPort,
      output: 'json',
      logLevel: 'error',
      onlyCategories: lighthouseCategories,
      ignoreStatusCode: isMissing,
    });
    const lhr = run?.lhr;
    if (!lhr) throw new Error('Lighthouse returned no result');
    if (lhr.runtimeError) throw new Error(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    const num = (id: string) => lhr.audits[id]?.numericValue ?? null;
    const failing = lighthouseCategories.flatMap((c) =>
      (lhr.categories[c]?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0 && lhr.audits[ref.id]?.score != null && (lhr.audits[ref.id]?.score ?? 1) < 1)
        .map((ref) => ref.id),
    );
    type ConsoleItem = { sourceLocation?: { url?: string } };
    const consoleItems = (lhr.audits['errors-in-console']?.details as { items?: ConsoleItem[] } | undefined)?.items ?? [];
    const consoleUrls = consoleItems.map((item) => item.sourceLocation?.url ?? '');
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
      failing,
      ...(isMissing ? { byDesign: failedByDesign(failing, consoleUrls, url) } : {}),
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
      error: (error as Error).message,
    };
  }
  return result;
}
