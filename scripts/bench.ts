#!/usr/bin/env node
/**
 * npm run bench: builds the site, serves it with the production server and measures
 *   1. page weight per page type and language (412 px mobile, empty cache, bytes on the wire);
 *   2. Lighthouse 13 (mobile) for each page type in da, ar and ur;
 *   3. the interest-form receiver under 50 concurrent valid posts (autocannon);
 *   3b. the staff inbox's list with 5,000 requests (server time to render);
 *   4. build time for the real content and for copies with 100 and 1000 meetings;
 *   5. voice clips: bytes per minute of speech per audio format (from the conversion cache: cheap).
 * Prints tables and the budgets (pass/fail with the figure) and writes bench-results/latest.json
 * and latest.md. It is a benchmark, not a test: a failing budget never fails the command.
 *
 *   npm run bench
 *   npm run bench -- --skip=scaling,lighthouse   (sections: weight, lighthouse, form, inbox, scaling, voice)
 *   npm run bench -- --no-build --meetings=100,1000 --lighthouse-langs=da,ar,ur --lighthouse-types=flyer,home
 *   (--lighthouse-runs=N reports the median run of N per page, default 3; --quiet-cpu-index=3800 marks runs below half of it as noisy)
 *   npm run bench -- --readme   also puts the figures into docs/performance.md between the bench:figures markers
 *   npm run bench -- --no-build --skip=scaling --keep   sections not measured now keep their
 *     figures from the previous bench-results/latest.json, marked with that run's date
 * BENCH_PORT (default 4416) is the server's port; BENCH_PORT+1 is Chromium's DevTools port for
 * Lighthouse. CHROMIUM_PATH overrides /usr/bin/chromium.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultLang, locales } from '#src/i18n/locales.ts';
import { builtPages } from './lib/builtPages.ts';
import { parseBenchArgs } from './bench/benchOptions.ts';
import { keepPrevious, newReport, noteLoadAtEnd, type BenchReport } from './bench/benchReport.ts';
import { benchMarkdown, buildRows, cpuNote, keptText, machineText, perPageText, phaseText, replaceFigures } from './bench/benchMarkdown.ts';
import { buildSite, heading, measureInbox, measureScaling, measureServedSite, type BenchContext } from './bench/benchSections.ts';
import { discoverPageTypes, pageTypes } from './bench/discoverPageTypes.ts';
import { arabicScriptLangs, evaluateBudgets, kb } from './bench/evaluateBudgets.ts';
import { budgetMatrix, budgetTable, buildTable, transferMatrix } from './bench/formatReport.ts';
import { measureVoice, voiceTable } from './bench/measureVoice.ts';

const root = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const ctx: BenchContext = {
  root,
  clientDir: path.join(root, 'dist', 'client'),
  port: Number(process.env.BENCH_PORT ?? 4416),
  log: (s) => console.log(s),
};
const resultsDir = path.join(root, 'bench-results');
const figuresFile = path.join(root, 'docs', 'performance.md');
const langs = locales.map((l) => l.code);

/** Prints the page types the build has, and where. */
function printPageTypes(report: BenchReport): void {
  heading(ctx, 'page types found in dist/client');
  for (const type of pageTypes) {
    const where = report.pageTypes[type.id];
    ctx.log(`${type.label.padEnd(16)} ${where == null ? 'not built yet' : `/<lang>/${where}`}`);
  }
}

/** Prints the summary and the budgets. */
function printSummary(report: BenchReport): void {
  heading(ctx, 'summary');
  ctx.log(`${report.date}, ${machineText(report)}; the run took ${report.durationS} s`);
  if (report.weights.length) {
    const budget = 'budget: Latin ≤ 18 KB home and flyer, ≤ 14 KB other pages; Arabic and Farsi ≤ 50 KB; Urdu ≤ 136 KB';
    ctx.log(`\ntransfer without photos, per language (${budget})\n${transferMatrix(report.weights, langs)}`);
  }
  const rows = buildRows(report);
  const perPage = perPageText(report);
  if (rows.length) ctx.log(`\n${buildTable(rows)}${perPage ? `\n${perPage}` : ''}\n\nwhere the build time goes (s)\n${phaseText(report)}`);
  if (report.scalingSkipped) ctx.log(`build scaling: ${report.scalingSkipped}`);
  const form = report.form;
  if (form) {
    const rows = `rows ${form.rowsStored} / 303s ${form.acknowledged}${form.rowsMatch ? ' (equal)' : ' (NOT EQUAL)'}`;
    ctx.log(`\nform receiver: ${form.rps} req/s, p50 ${form.p50} ms, p99 ${form.p99} ms; ${rows}`);
  }
  if (report.inbox) ctx.log(`staff inbox, ${report.inbox.requests} requests: p50 ${report.inbox.p50} ms, p95 ${report.inbox.p95} ms`);
  heading(ctx, 'budgets (a benchmark: reported, never a failing test)');
  ctx.log(budgetTable(report.budgets));
  const quiet = { quietCpuIndex: report.quietCpuIndex };
  if (report.weights.length || report.lighthouse) {
    ctx.log(`\neach budget against every page type\n${budgetMatrix(report.weights, report.lighthouse, arabicScriptLangs, quiet)}`);
  }
  for (const b of report.budgets.filter((x) => x.pass === false)) ctx.log(`\n${b.label} over budget:\n  ${b.failures.join('\n  ')}`);
  for (const b of report.budgets.filter((x) => x.noisy?.length)) ctx.log(`\n${b.label}, noisy runs:\n  ${b.noisy!.join('\n  ')}`);
  if (keptText(report)) ctx.log(`\n${keptText(report)}`);
  if (cpuNote(report)) ctx.log(cpuNote(report));
}

/**
 * The JSON for tools, the Markdown for docs/performance.md (only when `intoDocs`).
 */
function writeResults(report: BenchReport, intoDocs: boolean): void {
  fs.mkdirSync(resultsDir, { recursive: true });
  fs.writeFileSync(path.join(resultsDir, 'latest.json'), JSON.stringify(report, null, 2));
  const md = benchMarkdown(report, langs);
  fs.writeFileSync(path.join(resultsDir, 'latest.md'), `${md}\n`);
  ctx.log(`\nWrote bench-results/latest.json and bench-results/latest.md (${kb(Buffer.byteLength(md))} of Markdown).`);
  if (!intoDocs) return;
  const updated = fs.existsSync(figuresFile) ? replaceFigures(fs.readFileSync(figuresFile, 'utf8'), md) : null;
  if (updated === null) ctx.log('docs/performance.md has no <!-- bench:figures --> … <!-- /bench:figures --> markers: left alone.');
  else {
    fs.writeFileSync(figuresFile, updated);
    ctx.log('Updated the figures in docs/performance.md (Latest figures).');
  }
}

async function main() {
  const options = parseBenchArgs(process.argv.slice(2));
  const began = Date.now();
  const report = newReport();
  buildSite(report, options, ctx);
  // Cheap: the build has just converted every clip into the cache. Players use preload="none", so
  // the page weight before play (section 1) includes no audio.
  if (options.skip.has('voice')) report.voiceSkipped = 'skipped (--skip=voice)';
  else {
    heading(ctx, 'voice clips: bytes per minute of speech, per format');
    report.voice = await measureVoice(root);
    ctx.log(voiceTable(report.voice));
  }
  report.pageTypes = discoverPageTypes(builtPages(ctx.clientDir, { withAdmin: true }), defaultLang);
  printPageTypes(report);
  await measureServedSite(report, options, ctx);
  await measureInbox(report, options, ctx);
  measureScaling(report, options, ctx);
  const previousFile = path.join(resultsDir, 'latest.json');
  if (options.keep && fs.existsSync(previousFile)) keepPrevious(report, JSON.parse(fs.readFileSync(previousFile, 'utf8')), options.skip);
  noteLoadAtEnd(report);
  report.budgets = evaluateBudgets(report);
  report.durationS = Math.round((Date.now() - began) / 1000);
  printSummary(report);
  writeResults(report, options.readme);
}

await main();
