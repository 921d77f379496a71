/**
 * The bench's sections, each filling its part of the report and printing its figures as it
 * goes. A skipped or impossible section says why in the report instead of failing the run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { Browser } from '@playwright/test';
import { defaultLang, locales } from '#src/i18n/locales.ts';
import { launchChromium } from '../lib/chromium.ts';
import { startServer } from '../lib/startServer.ts';
import { buildTable, lighthouseTable, weightTable } from './formatReport.ts';
import { measureBuildScaling, msPerExtraPage, timeBuild } from './measureBuildScaling.ts';
import { measureFormReceiver } from './measureFormReceiver.ts';
import { measureInboxList } from './measureInboxList.ts';
import { measurePageWeight } from './measurePageWeight.ts';
import { builtFileOf, pageTypes } from './discoverPageTypes.ts';
import { lighthouseUnavailable, runLighthouse, type LighthouseResult } from './runLighthouse.ts';
import { isNoisy } from './evaluateBudgets.ts';
import type { BenchOptions } from './benchOptions.ts';
import type { BenchReport } from './benchReport.ts';
import { measureRepeatVisit, repeatVisitTable } from './measureRepeatVisit.ts';

/** Where the bench runs and how it prints. */
export interface BenchContext {
  /** the project */
  root: string;
  /** its dist/client */
  clientDir: string;
  /** the served site's port (BENCH_PORT) */
  port: number;
  log: (s: string) => void;
}

/** Prints a section's title. */
export const heading = (ctx: BenchContext, title: string): void => ctx.log(`\n== ${title} ==`);

/**
 * Builds the real site in place (this is also what gets served), or checks that a build exists.
 */
export function buildSite(report: BenchReport, options: BenchOptions, ctx: BenchContext): void {
  if (options.noBuild) {
    if (!fs.existsSync(ctx.clientDir)) throw new Error('--no-build, but dist/client is missing: run "npm run build" first');
    ctx.log('Using the existing build in dist/ (--no-build).');
    return;
  }
  heading(ctx, 'build (real content)');
  report.build = timeBuild(ctx.root, 'real content (in place)', { flyers: true });
  ctx.log(buildTable([report.build]));
}

/** The page types that have a built page. */
const builtTypes = (report: BenchReport) => pageTypes.filter((t) => report.pageTypes[t.id] != null);

/** Whether a page type's page is built at `page` (/en/partners/refer/): the referral form exists in Danish and English only. */
const builtIn = (ctx: BenchContext, typeId: string, page: string) => fs.existsSync(path.join(ctx.clientDir, builtFileOf(typeId, page)));

/**
 * Page weight of one page of each type in every language it is built in.
 */
async function measureWeights(report: BenchReport, browser: Browser, url: string, ctx: BenchContext): Promise<void> {
  heading(ctx, 'page weight (412 px mobile, empty cache, bytes on the wire incl. headers)');
  for (const type of builtTypes(report)) {
    for (const locale of locales) {
      const page = `/${locale.code}/${report.pageTypes[type.id]}`;
      if (!builtIn(ctx, type.id, page)) continue;
      const weight = await measurePageWeight(browser, url, page, ctx.clientDir, builtFileOf(type.id, page));
      const expected = 'missing' in type ? 404 : 200;
      if (weight.status !== expected) ctx.log(`  ! ${page} answered ${weight.status}`);
      for (const f of weight.failed.filter((f) => !f.endsWith(page) || weight.status !== expected))
        ctx.log(`  ! ${page}: failed request ${f}`);
      const script = locale.font === 'system' ? 'latin' : 'arabic';
      report.weights.push({ type: type.id, content: type.content, lang: locale.code, script, weight });
    }
  }
  ctx.log(weightTable(report.weights));
  heading(ctx, 'repeat visit with the offline worker (bytes over the network, both ways; goal: only the page’s 304)');
  const again = ['home', 'meetings'].filter((id) => report.pageTypes[id] != null);
  report.repeatVisit = await measureRepeatVisit(
    browser,
    url,
    locales.flatMap((l) => again.map((id) => `/${l.code}/${report.pageTypes[id]}`)),
  );
  ctx.log(repeatVisitTable(report.repeatVisit));
}

/**
 * Lighthouse (mobile) for each page type in the chosen languages, one page at a time.
 */
async function measureLighthouse(report: BenchReport, options: BenchOptions, url: string, ctx: BenchContext): Promise<void> {
  heading(ctx, 'Lighthouse 13, mobile');
  const why = await lighthouseUnavailable();
  if (why) {
    report.lighthouseSkipped = `Lighthouse cannot run here: ${why}`;
    ctx.log(report.lighthouseSkipped);
    return;
  }
  const chosen = (id: string) => options.lighthouseTypes.length === 0 || options.lighthouseTypes.includes(id);
  const targets = builtTypes(report)
    .filter((type) => chosen(type.id))
    .flatMap((type) =>
      options.lighthouseLangs
        .filter((lang) => builtIn(ctx, type.id, `/${lang}/${report.pageTypes[type.id]}`))
        .map((lang) => ({ type: type.id, lang, url: `${url}/${lang}/${report.pageTypes[type.id]}` })),
    );
  report.machine.lighthouse = createRequire(import.meta.url)('lighthouse/package.json').version;
  report.quietCpuIndex = options.quietCpuIndex;
  const half = Math.round(options.quietCpuIndex / 2);
  ctx.log(`${targets.length} pages × ${options.lighthouseRuns} run(s), one at a time; a run with a CPU index below ${half} is noisy…`);
  const figures = (r: LighthouseResult) => `${Object.values(r.scores).join('/')} LCP ${((r.lcpMs ?? 0) / 1000).toFixed(2)} s`;
  const cpu = (r: LighthouseResult) =>
    `CPU index ${r.benchmarkIndex == null ? '–' : Math.round(r.benchmarkIndex)}${isNoisy(r, options.quietCpuIndex) ? ' (noisy)' : ''}`;
  const runs = await runLighthouse(
    targets.map((t) => t.url),
    {
      debugPort: ctx.port + 1,
      runs: options.lighthouseRuns,
      onRun: (r, n) => ctx.log(`  ${r.url} run ${n}: ${r.error ? `error ${r.error}` : figures(r)}, ${cpu(r)}`),
      onResult: (r) => ctx.log(`  ${r.url} median: ${r.error ? `error ${r.error}` : figures(r)}, ${cpu(r)}`),
    },
  );
  report.lighthouse = runs.map((r, i) => ({ ...r, type: targets[i]?.type ?? '', lang: targets[i]?.lang ?? '' }));
  ctx.log(lighthouseTable(report.lighthouse, { quietCpuIndex: options.quietCpuIndex }));
}

/**
 * The interest-form receiver under 50 concurrent valid posts.
 */
async function measureForm(
  report: BenchReport,
  options: BenchOptions,
  browser: Browser,
  url: string,
  dataDir: string,
  ctx: BenchContext,
): Promise<void> {
  heading(ctx, 'interest-form receiver, 50 concurrent valid posts on loopback');
  try {
    const formPath = `/${defaultLang}/${report.pageTypes.interest}`;
    const r = await measureFormReceiver(browser, { baseUrl: url, formPath, dataDir, posts: options.posts, log: ctx.log });
    report.form = r;
    ctx.log(`${r.posts} posts: ${r.rps} requests/s, p50 ${r.p50} ms, p90 ${r.p90} ms, p99 ${r.p99} ms, max ${r.max} ms`);
    const rows = `rows stored ${r.rowsStored} ${r.rowsMatch ? '==' : '!='} acknowledged (303) ${r.acknowledged}`;
    ctx.log(`answers ${JSON.stringify(r.statusCodes)}, ${r.errors} errors; ${rows}`);
    const floor = r.staticBaseline;
    const figures = `${floor.rps} requests/s, p50 ${floor.p50} ms, p99 ${floor.p99} ms`;
    ctx.log(`the same load as GETs of a static page (the floor on this machine): ${figures}`);
  } catch (error) {
    report.formSkipped = `could not run: ${(error as Error).message}`;
    ctx.log(report.formSkipped);
  }
}

/**
 * Everything measured against the running site: page weight, Lighthouse and the form receiver,
 * with one production server and one browser.
 */
export async function measureServedSite(report: BenchReport, options: BenchOptions, ctx: BenchContext): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aaben-doer-bench-data-'));
  // TRUST_PROXY=1: the load test gives each post its own client address (X-Forwarded-For), as
  // 50 women on 50 phones would have; the per-client rate limit stays on, at its production default.
  const server = await startServer({ root: ctx.root, port: ctx.port, env: { DATA_DIR: dataDir, TRUST_PROXY: '1' } });
  const browser = await launchChromium(['--disable-dev-shm-usage']);
  report.machine.chromium = browser.version();
  try {
    if (options.skip.has('weight')) report.weightsSkipped = 'skipped (--skip=weight)';
    else await measureWeights(report, browser, server.url, ctx);
    if (options.skip.has('lighthouse')) report.lighthouseSkipped = 'skipped (--skip=lighthouse)';
    else await measureLighthouse(report, options, server.url, ctx);
    if (options.skip.has('form')) report.formSkipped = 'skipped (--skip=form)';
    else if (report.pageTypes.interest == null) report.formSkipped = 'the interest form is not built yet';
    else await measureForm(report, options, browser, server.url, dataDir, ctx);
    if (report.formSkipped) ctx.log(`\nform receiver: ${report.formSkipped}`);
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * The staff inbox's list with 5,000 requests: the server's time to render it, on a server of its
 * own (BENCH_PORT + 2) with a throw-away database.
 */
export async function measureInbox(report: BenchReport, options: BenchOptions, ctx: BenchContext): Promise<void> {
  if (options.skip.has('inbox')) {
    report.inboxSkipped = 'skipped (--skip=inbox)';
    return;
  }
  heading(ctx, 'staff inbox: the list with 5,000 requests');
  try {
    report.inbox = await measureInboxList(ctx.root, { port: ctx.port + 2, log: ctx.log });
  } catch (error) {
    report.inboxSkipped = `could not run: ${(error as Error).message}`;
    ctx.log(report.inboxSkipped);
  }
}

/**
 * Build time with more meetings, in throw-away copies. Run it last: it keeps both cores busy
 * and must not disturb the timings of the served site.
 */
export function measureScaling(report: BenchReport, options: BenchOptions, ctx: BenchContext): void {
  if (options.skip.has('scaling')) {
    report.scalingSkipped = 'skipped (--skip=scaling)';
    return;
  }
  heading(ctx, 'build time with more meetings (throw-away copies of the project)');
  const { timings, references, skipped } = measureBuildScaling(ctx.root, options.meetings, (t) =>
    ctx.log(`  ${t.label}: ${t.error ? `failed: ${t.error}` : `${t.pages} pages in ${(t.totalMs / 1000).toFixed(1)} s`}`),
  );
  report.scaling = timings;
  report.scalingSkipped = skipped;
  report.msPerExtraPage = msPerExtraPage(timings);
  report.reference = references;
  report.referencePerPage = msPerExtraPage(references);
  if (skipped) ctx.log(skipped);
}
