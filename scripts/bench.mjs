#!/usr/bin/env node
/**
 * npm run bench: builds the site, serves it with the production server and measures
 *   1. page weight per page type and language (412 px mobile, empty cache, bytes on the wire);
 *   2. Lighthouse 13 (mobile) for each page type in da, ar and ur;
 *   3. the interest-form receiver under 50 concurrent valid posts (autocannon);
 *   4. build time for the real content and for copies with 100 and 1000 meetings;
 *   5. voice clips: bytes per minute of speech per audio format (from the conversion cache: cheap).
 * Prints tables and the budgets (pass/fail with the figure) and writes bench-results/latest.json
 * and latest.md. It is a benchmark, not a test: a failing budget never fails the command.
 *
 *   npm run bench
 *   npm run bench -- --skip=scaling,lighthouse   (sections: weight, lighthouse, form, scaling, voice)
 *   npm run bench -- --no-build --meetings=100,1000 --lighthouse-langs=da,ar,ur --lighthouse-runs=3
 *   (--lighthouse-runs=N reports the median run of N per page; the default 1 keeps the run short)
 *   npm run bench -- --readme   also puts the figures into README.md between the bench:figures markers
 *   npm run bench -- --no-build --skip=scaling --keep   sections not measured now keep their
 *     figures from the previous bench-results/latest.json, marked with that run's date
 * BENCH_PORT (default 4416) is the server's port; BENCH_PORT+1 is Chromium's DevTools port for
 * Lighthouse. CHROMIUM_PATH overrides /usr/bin/chromium.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { defaultLang, locales } from '../src/i18n/locales.ts';
import { discoverPageTypes, listBuiltPages, pageTypes } from './bench/discoverPageTypes.mjs';
import { measurePageWeight } from './bench/measurePageWeight.mjs';
import { lighthouseUnavailable, runLighthouse } from './bench/runLighthouse.mjs';
import { measureBuildScaling, msPerExtraPage, timeBuild } from './bench/measureBuildScaling.mjs';
import { measureFormReceiver } from './bench/measureFormReceiver.mjs';
import { startServer } from './bench/startServer.mjs';
import { evaluateBudgets, kb } from './bench/evaluateBudgets.mjs';
import { budgetTable, buildTable, lighthouseTable, transferMatrix, weightTable } from './bench/formatReport.mjs';
import { measureVoice, voiceTable } from './bench/measureVoice.mjs';

const root = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const { values: args } = parseArgs({
  options: {
    skip: { type: 'string', default: '' },
    'no-build': { type: 'boolean', default: false },
    meetings: { type: 'string', default: '100,1000' },
    'lighthouse-langs': { type: 'string', default: 'da,ar,ur' },
    posts: { type: 'string', default: '3000' },
    'lighthouse-runs': { type: 'string', default: '1' },
    readme: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const skip = new Set(args.skip.split(',').filter(Boolean));
const port = Number(process.env.BENCH_PORT ?? 4416);
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const clientDir = path.join(root, 'dist', 'client');
const began = Date.now();
const log = (/** @type {string} */ s) => console.log(s);
const heading = (/** @type {string} */ s) => log(`\n== ${s} ==`);

/** Everything the run found, written to bench-results/latest.json. */
const report = {
  date: new Date().toISOString(),
  machine: {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    // Other work on a shared machine slows Lighthouse's CPU-bound figures (TBT, LCP): keep the load with them.
    loadAverageAtStart: os.loadavg().map((n) => Number(n.toFixed(2))),
    loadAverageAtEnd: /** @type {number[]} */ ([]),
    platform: `${os.type()} ${os.release()}`,
    node: process.versions.node,
    chromium: '',
    lighthouse: '',
  },
  build: /** @type {import('./bench/measureBuildScaling.mjs').BuildTiming | null} */ (null),
  pageTypes: /** @type {Record<string, string | null>} */ ({}),
  weights: /** @type {import('./bench/evaluateBudgets.mjs').WeightRow[]} */ ([]),
  weightsSkipped: /** @type {string | undefined} */ (undefined),
  lighthouse: /** @type {(import('./bench/runLighthouse.mjs').LighthouseResult & { type: string, lang: string })[] | null} */ (null),
  lighthouseSkipped: /** @type {string | undefined} */ (undefined),
  form: /** @type {import('./bench/measureFormReceiver.mjs').FormLoadResult | null} */ (null),
  formSkipped: /** @type {string | undefined} */ (undefined),
  scaling: /** @type {import('./bench/measureBuildScaling.mjs').BuildTiming[]} */ ([]),
  scalingSkipped: /** @type {string | undefined} */ (undefined),
  msPerExtraPage: /** @type {ReturnType<typeof msPerExtraPage>} */ (null),
  voice: /** @type {import('./bench/measureVoice.mjs').VoiceRow[] | null} */ (null),
  voiceSkipped: /** @type {string | undefined} */ (undefined),
  budgets: /** @type {import('./bench/evaluateBudgets.mjs').BudgetResult[]} */ ([]),
  /** Sections taken over from an earlier run (--keep): section → that run's date and load. */
  kept: /** @type {Record<string, string>} */ ({}),
  durationS: 0,
};

// 1. Build the real site in place: this is also what gets served.
if (args['no-build']) {
  if (!fs.existsSync(clientDir)) throw new Error('--no-build, but dist/client is missing: run "npm run build" first');
  log('Using the existing build in dist/ (--no-build).');
} else {
  heading('build (real content)');
  report.build = timeBuild(root, 'real content (in place)');
  log(buildTable([report.build]));
}

// Voice clips: cheap (the build has just converted them into the cache), so measured first.
if (skip.has('voice')) report.voiceSkipped = 'skipped (--skip=voice)';
else {
  heading('voice clips: bytes per minute of speech, per format (page weight before play is unchanged: preload="none")');
  report.voice = await measureVoice(root);
  log(voiceTable(report.voice));
}

const pages = listBuiltPages(clientDir);
report.pageTypes = discoverPageTypes(pages, defaultLang);
heading('page types found in dist/client');
for (const type of pageTypes)
  log(`${type.label.padEnd(16)} ${report.pageTypes[type.id] === null ? 'not built yet' : `/<lang>/${report.pageTypes[type.id]}`}`);
const built = pageTypes.filter((t) => report.pageTypes[t.id] !== null);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aaben-doer-bench-data-'));
// TRUST_PROXY=1: the load test gives each post its own client address (X-Forwarded-For), as
// 50 women on 50 phones would have; the per-client rate limit stays on, at its production default.
const server = await startServer(root, { port, env: { DATA_DIR: dataDir, TRUST_PROXY: '1' } });
const browser = await chromium.launch({
  executablePath,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
report.machine.chromium = browser.version();
try {
  // 2. Page weight.
  if (skip.has('weight')) report.weightsSkipped = 'skipped (--skip=weight)';
  else {
    heading('page weight (412 px mobile, empty cache, bytes on the wire incl. headers)');
    for (const type of built) {
      for (const locale of locales) {
        const url = `/${locale.code}/${report.pageTypes[type.id]}`;
        const weight = await measurePageWeight(browser, server.url, url, clientDir);
        if (weight.status !== 200) log(`  ! ${url} answered ${weight.status}`);
        for (const f of weight.failed) log(`  ! ${url}: failed request ${f}`);
        report.weights.push({
          type: type.id,
          content: type.content,
          lang: locale.code,
          script: locale.font === 'system' ? 'latin' : 'arabic',
          weight,
        });
      }
    }
    log(weightTable(report.weights));
  }

  // 3. Lighthouse.
  if (skip.has('lighthouse')) report.lighthouseSkipped = 'skipped (--skip=lighthouse)';
  else {
    heading('Lighthouse 13, mobile');
    const why = await lighthouseUnavailable();
    if (why) {
      report.lighthouseSkipped = `Lighthouse cannot run here: ${why}`;
      log(report.lighthouseSkipped);
    } else {
      const lhLangs = args['lighthouse-langs'].split(',').filter(Boolean);
      const targets = built.flatMap((type) =>
        lhLangs.map((lang) => ({ type: type.id, lang, url: `${server.url}/${lang}/${report.pageTypes[type.id]}` })),
      );
      const { createRequire } = await import('node:module');
      report.machine.lighthouse = createRequire(import.meta.url)('lighthouse/package.json').version;
      log(`${targets.length} pages × ${args['lighthouse-runs']} run(s), one at a time…`);
      const runs = await runLighthouse(
        targets.map((t) => t.url),
        {
          executablePath,
          debugPort: port + 1,
          runs: Number(args['lighthouse-runs']),
          onResult: (r) =>
            log(
              `  ${r.url}: ${r.error ? `error ${r.error}` : `${Object.values(r.scores).join('/')} LCP ${((r.lcpMs ?? 0) / 1000).toFixed(2)} s`}`,
            ),
        },
      );
      report.lighthouse = runs.map((r, i) => ({ ...r, type: targets[i].type, lang: targets[i].lang }));
      log(lighthouseTable(report.lighthouse));
    }
  }

  // 4. The form receiver.
  if (skip.has('form')) report.formSkipped = 'skipped (--skip=form)';
  else if (report.pageTypes.interest === null) report.formSkipped = 'the interest form is not built yet';
  else {
    heading('interest-form receiver, 50 concurrent valid posts on loopback');
    try {
      const r = await measureFormReceiver(browser, {
        baseUrl: server.url,
        formPath: `/${defaultLang}/${report.pageTypes.interest}`,
        dataDir,
        posts: Number(args.posts),
        log,
      });
      report.form = r;
      log(`${r.posts} posts: ${r.rps} requests/s, p50 ${r.p50} ms, p90 ${r.p90} ms, p99 ${r.p99} ms, max ${r.max} ms`);
      log(
        `answers ${JSON.stringify(r.statusCodes)}, ${r.errors} errors; rows stored ${r.rowsStored} ${r.rowsMatch ? '==' : '!='} acknowledged (303) ${r.acknowledged}`,
      );
      const floor = r.staticBaseline;
      log(
        `the same load as GETs of a static page (the floor on this machine): ${floor.rps} requests/s, p50 ${floor.p50} ms, p99 ${floor.p99} ms`,
      );
    } catch (error) {
      report.formSkipped = `could not run: ${/** @type {Error} */ (error).message}`;
      log(report.formSkipped);
    }
  }
  if (report.formSkipped) log(`\nform receiver: ${report.formSkipped}`);
} finally {
  await browser.close();
  await server.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

// 5. Build scaling, last: it keeps both cores busy and must not disturb the timings above.
if (skip.has('scaling')) report.scalingSkipped = 'skipped (--skip=scaling)';
else {
  heading('build time with more meetings (throw-away copies of the project)');
  const totals = args.meetings
    .split(',')
    .map(Number)
    .filter((n) => n > 0);
  const { timings, skipped } = measureBuildScaling(root, totals, (t) =>
    log(`  ${t.label}: ${t.error ? `failed: ${t.error}` : `${t.pages} pages in ${(t.totalMs / 1000).toFixed(1)} s`}`),
  );
  report.scaling = timings;
  report.scalingSkipped = skipped;
  report.msPerExtraPage = msPerExtraPage(timings);
  if (skipped) log(skipped);
}

const previousFile = path.join(root, 'bench-results', 'latest.json');
if (args.keep && fs.existsSync(previousFile)) {
  const prev = JSON.parse(fs.readFileSync(previousFile, 'utf8'));
  const from = `${String(prev.date).slice(0, 16).replace('T', ' ')} UTC, load average ${prev.machine?.loadAverageAtStart?.[0] ?? '?'}`;
  const keep = (/** @type {string} */ section) => (report.kept[section] = prev.kept?.[section] ?? from);
  if (!report.build && prev.build) ((report.build = prev.build), keep('build'));
  if (skip.has('weight') && prev.weights?.length) ((report.weights = prev.weights), (report.weightsSkipped = undefined), keep('weight'));
  if (skip.has('lighthouse') && prev.lighthouse)
    ((report.lighthouse = prev.lighthouse), (report.lighthouseSkipped = undefined), keep('lighthouse'));
  if (skip.has('form') && prev.form) ((report.form = prev.form), (report.formSkipped = undefined), keep('form'));
  if (skip.has('scaling') && prev.scaling?.length) {
    Object.assign(report, { scaling: prev.scaling, msPerExtraPage: prev.msPerExtraPage, scalingSkipped: undefined });
    keep('scaling');
  }
}

report.machine.loadAverageAtEnd = os.loadavg().map((n) => Number(n.toFixed(2)));
report.budgets = evaluateBudgets(report);
report.durationS = Math.round((Date.now() - began) / 1000);

const buildRows = [...(report.build ? [report.build] : []), ...report.scaling];
const perPage = report.msPerExtraPage;
const perPageText = perPage
  ? `each extra page costs ${perPage.totalMs.toFixed(1)} ms of wall time (astro build ${perPage.astroMs.toFixed(1)} ms, postbuild ${perPage.postbuildMs.toFixed(1)} ms)` +
    `${perPage.cpuMs == null ? '' : ` and ${perPage.cpuMs.toFixed(1)} ms of CPU time`}, from ${perPage.from} to ${perPage.to} (${perPage.extraPages} pages)`
  : '';
const machineText = `${report.machine.cpus} cores (${report.machine.cpuModel}), ${report.machine.memoryGiB} GiB, load average ${report.machine.loadAverageAtStart[0]} at the start, Node ${report.machine.node}, Chromium ${report.machine.chromium}${report.machine.lighthouse ? `, Lighthouse ${report.machine.lighthouse}` : ''}`;

heading('summary');
log(`${report.date}, ${machineText}; the run took ${report.durationS} s`);
if (report.weights.length)
  log(
    `\ntransfer without photos, per language (content budget: Latin ≤ 20 KB, Arabic script ≤ 70 KB)\n${transferMatrix(
      report.weights,
      locales.map((l) => l.code),
    )}`,
  );
if (buildRows.length) log(`\n${buildTable(buildRows)}${perPageText ? `\n${perPageText}` : ''}`);
if (report.scalingSkipped) log(`build scaling: ${report.scalingSkipped}`);
if (report.form)
  log(
    `\nform receiver: ${report.form.rps} req/s, p50 ${report.form.p50} ms, p99 ${report.form.p99} ms; rows ${report.form.rowsStored} / 303s ${report.form.acknowledged}${report.form.rowsMatch ? ' (equal)' : ' (NOT EQUAL)'}`,
  );
heading('budgets (a benchmark: reported, never a failing test)');
log(budgetTable(report.budgets));
for (const b of report.budgets.filter((x) => x.pass === false)) log(`\n${b.label} over budget:\n  ${b.failures.join('\n  ')}`);

// The JSON for tools, the Markdown for the README's Performance section.
const outDir = path.join(root, 'bench-results');
fs.mkdirSync(outDir, { recursive: true });
fs.writeFileSync(path.join(outDir, 'latest.json'), JSON.stringify(report, null, 2));
const keptText = Object.keys(report.kept).length
  ? `Sections taken over from earlier runs (--keep): ${Object.entries(report.kept)
      .map(([section, when]) => `${section} (${when})`)
      .join('; ')}.`
  : '';
// Lighthouse measures the CPU before each run; a busy shared machine scores far lower than a quiet one.
const indexes = (report.lighthouse ?? [])
  .map((r) => r.benchmarkIndex)
  .filter((n) => typeof n === 'number')
  .sort((a, b) => a - b);
const medianIndex = indexes.length ? indexes[Math.floor(indexes.length / 2)] : null;
const cpuNote =
  medianIndex === null
    ? ''
    : `Lighthouse's CPU benchmark index was ${Math.round(medianIndex)} (median; ${Math.round(indexes[0])}–${Math.round(indexes[indexes.length - 1])})` +
      (medianIndex < 2000
        ? ': the CPU was busy with other work, which inflates TBT, the performance score and, partly, LCP (at a quieter moment the same machine measured about 3800).'
        : '.');
if (keptText) log(`\n${keptText}`);
if (cpuNote) log(cpuNote);
const md = [
  `Measured ${report.date.slice(0, 10)} on ${machineText}.`,
  keptText,
  report.weights.length
    ? `#### Transfer without photos (KB, first load, empty cache)\n\n${transferMatrix(
        report.weights,
        locales.map((l) => l.code),
        { markdown: true },
      )}`
    : '',
  report.weights.length
    ? `#### Page weight in detail\n\n${weightTable(
        report.weights.filter((w) => ['da', 'ar', 'ur'].includes(w.lang)),
        { markdown: true },
      )}`
    : '',
  report.lighthouse
    ? `#### Lighthouse ${report.machine.lighthouse || ''} (mobile)\n\n${lighthouseTable(report.lighthouse, { markdown: true })}\n\n${cpuNote}`
    : `Lighthouse: ${report.lighthouseSkipped}`,
  report.form
    ? `#### Form receiver\n\n${report.form.posts} valid posts, ${report.form.connections} connections: ${report.form.rps} requests/s, p50 ${report.form.p50} ms, p90 ${report.form.p90} ms, p99 ${report.form.p99} ms, max ${report.form.max} ms. Rows stored ${report.form.rowsStored}, 303s ${report.form.acknowledged}${report.form.rowsMatch ? ' (equal)' : ' (NOT equal)'}. ` +
      `The same load as GETs of the static language chooser: ${report.form.staticBaseline.rps} requests/s, p50 ${report.form.staticBaseline.p50} ms, p99 ${report.form.staticBaseline.p99} ms.`
    : `Form receiver: ${report.formSkipped}`,
  report.voice ? `#### Voice clips (bytes per minute of speech)\n\n${voiceTable(report.voice, { markdown: true })}` : '',
  buildRows.length ? `#### Build time\n\n${buildTable(buildRows, { markdown: true })}${perPageText ? `\n\n${perPageText}.` : ''}` : '',
  report.scalingSkipped ? `Build scaling: ${report.scalingSkipped}` : '',
  `#### Budgets\n\n${budgetTable(report.budgets, { markdown: true })}`,
]
  .filter(Boolean)
  .join('\n\n');
fs.writeFileSync(path.join(outDir, 'latest.md'), `${md}\n`);
log(`\nWrote bench-results/latest.json and bench-results/latest.md (${kb(Buffer.byteLength(md))} of Markdown).`);
if (args.readme) {
  const readme = path.join(root, 'README.md');
  const text = fs.readFileSync(readme, 'utf8');
  const marked = /(<!-- bench:figures -->\n)[\s\S]*?(<!-- \/bench:figures -->)/;
  if (!marked.test(text)) log('README.md has no <!-- bench:figures --> … <!-- /bench:figures --> markers: left alone.');
  else {
    fs.writeFileSync(
      readme,
      text.replace(marked, (_, open, close) => `${open}${md}\n${close}`),
    );
    log('Updated the figures in README.md (Performance → Latest figures).');
  }
}
