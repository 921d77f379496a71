/**
 * The sentences and the Markdown of a bench report: the summary the console prints and the
 * figures docs/performance.md shows (between its bench:figures markers).
 */
import { voiceTable } from './measureVoice.ts';
import {
  budgetMatrix,
  budgetTable,
  buildTable,
  lighthouseTable,
  phaseTable,
  transferMatrix,
  weightTable,
  type TableOptions,
} from './formatReport.ts';
import { arabicScriptLangs } from './evaluateBudgets.ts';
import { phasesPerExtraPage } from './buildPhases.ts';
import type { BenchReport } from './benchReport.ts';
import type { BuildTiming } from './buildTiming.ts';
import type { FormLoadResult } from './measureFormReceiver.ts';

/** The machine in one line. */
export function machineText(report: BenchReport): string {
  const m = report.machine;
  return (
    `${m.cpus} cores (${m.cpuModel}), ${m.memoryGiB} GiB, load average ${m.loadAverageAtStart[0]} at the start, ` +
    `Node ${m.node}, Chromium ${m.chromium}${m.lighthouse ? `, Lighthouse ${m.lighthouse}` : ''}`
  );
}

/** What one more page costs the build, or '' without scaling figures. */
export function perPageText(report: BenchReport): string {
  const p = report.msPerExtraPage;
  if (!p) return '';
  const split =
    p.astroCpuMs == null || p.cpuMs == null
      ? ''
      : ` (astro build ${p.astroCpuMs.toFixed(1)} ms, postbuild ${(p.cpuMs - p.astroCpuMs).toFixed(1)} ms)`;
  const cpu = p.cpuMs == null ? '' : ` and ${p.cpuMs.toFixed(1)} ms of CPU time${split}`;
  const r = report.referencePerPage;
  const reference = r
    ? `; the plain Astro MDX reference site, built with the same page counts in the same run, ` +
      `costs ${r.totalMs.toFixed(1)} ms per extra page${r.cpuMs == null ? '' : ` (${r.cpuMs.toFixed(1)} ms CPU)`}: ` +
      `ours is ${(p.totalMs / Math.max(0.1, r.totalMs)).toFixed(2)} × the reference`
    : '';
  return (
    `each extra page costs ${p.totalMs.toFixed(1)} ms of wall time ` +
    `(astro build ${p.astroMs.toFixed(1)} ms, postbuild ${p.postbuildMs.toFixed(1)} ms)${cpu}, ` +
    `from ${p.from} to ${p.to} (${p.extraPages} pages)${reference}`
  );
}

/** Where the build time goes, per phase, or '' without builds. */
export function phaseText(report: BenchReport, o?: TableOptions): string {
  const rows = buildRows(report);
  return rows.length ? phaseTable(rows, phasesPerExtraPage(report.scaling), o) : '';
}

/** Which sections came from earlier runs (--keep), or ''. */
export function keptText(report: BenchReport): string {
  const kept = Object.entries(report.kept);
  if (!kept.length) return '';
  return `Sections taken over from earlier runs (--keep): ${kept.map(([section, when]) => `${section} (${when})`).join('; ')}.`;
}

/**
 * Lighthouse measures the CPU before each run; a busy shared machine scores far lower than a
 * quiet one, so the report says how busy it was. '' without Lighthouse figures.
 */
export function cpuNote(report: BenchReport): string {
  const indexes = (report.lighthouse ?? [])
    .map((r) => r.benchmarkIndex)
    .filter((n) => typeof n === 'number')
    .sort((a, b) => a - b);
  const median = indexes[Math.floor(indexes.length / 2)];
  const [lowest, highest] = [indexes[0], indexes.at(-1)];
  if (median === undefined || lowest === undefined || highest === undefined) return '';
  const range = `${Math.round(lowest)}–${Math.round(highest)}`;
  const busy =
    ': the CPU was busy with other work, which inflates TBT, the performance score and, partly, LCP ' +
    '(at a quieter moment the same machine measured about 3800).';
  return `Lighthouse's CPU benchmark index was ${Math.round(median)} (median; ${range})${median < 2000 ? busy : '.'}`;
}

/** The in-place build, the scaling copies and the reference builds, in that order. */
export function buildRows(report: BenchReport): BuildTiming[] {
  return [...(report.build ? [report.build] : []), ...report.scaling, ...(report.reference ?? [])];
}

/** The form receiver's figures in two sentences. */
function formText(form: FormLoadResult): string {
  const floor = form.staticBaseline;
  return (
    `${form.posts} valid posts, ${form.connections} connections: ${form.rps} requests/s, ` +
    `p50 ${form.p50} ms, p90 ${form.p90} ms, p99 ${form.p99} ms, max ${form.max} ms. ` +
    `Rows stored ${form.rowsStored}, 303s ${form.acknowledged}${form.rowsMatch ? ' (equal)' : ' (NOT equal)'}. ` +
    `The same load as GETs of the static language chooser: ${floor.rps} requests/s, p50 ${floor.p50} ms, p99 ${floor.p99} ms.`
  );
}

/**
 * The figures as Markdown (### headings, so they sit under the page's "## Latest figures").
 * `langs` is every language, in the registry's order (the transfer matrix's columns);
 * `detailLangs` are the languages of the detailed page-weight table.
 */
export function benchMarkdown(report: BenchReport, langs: string[], detailLangs: string[] = ['da', 'ar', 'ur']): string {
  const rows = buildRows(report);
  const perPage = perPageText(report);
  const weights = report.weights.length > 0;
  const md = { markdown: true };
  const quietMd = { ...md, quietCpuIndex: report.quietCpuIndex };
  const matrix = budgetMatrix(report.weights, report.lighthouse, arabicScriptLangs, quietMd);
  const matrixNote =
    "A cell gives the page type's largest figure in that script against its limit; " +
    '"noisy": over only in runs whose CPU index was below half the quiet machine\'s.';
  return [
    `Measured ${report.date.slice(0, 10)} on ${machineText(report)}.`,
    keptText(report),
    weights ? `### Transfer without photos (KB, first load, empty cache)\n\n${transferMatrix(report.weights, langs, md)}` : '',
    weights
      ? `### Page weight in detail\n\n${weightTable(
          report.weights.filter((w) => detailLangs.includes(w.lang)),
          md,
        )}`
      : '',
    report.lighthouse
      ? `### Lighthouse ${report.machine.lighthouse || ''} (mobile)\n\n${lighthouseTable(report.lighthouse, quietMd)}\n\n${cpuNote(report)}`
      : `Lighthouse: ${report.lighthouseSkipped}`,
    report.form ? `### Form receiver\n\n${formText(report.form)}` : `Form receiver: ${report.formSkipped}`,
    report.voice ? `### Voice clips (bytes per minute of speech)\n\n${voiceTable(report.voice, md)}` : '',
    rows.length ? `### Build time\n\n${buildTable(rows, md)}${perPage ? `\n\n${perPage}.` : ''}` : '',
    rows.length ? `### Where the build time goes (seconds)\n\n${phaseText(report, md)}` : '',
    report.scalingSkipped ? `Build scaling: ${report.scalingSkipped}` : '',
    `### Budgets\n\n${budgetTable(report.budgets, md)}`,
    weights || report.lighthouse ? `### Each budget against every page type\n\n${matrix}\n\n${matrixNote}` : '',
  ]
    .filter(Boolean)
    .join('\n\n');
}

/** The markers around the generated figures in docs/performance.md. */
export const figuresMarkers = { open: '<!-- bench:figures -->', close: '<!-- /bench:figures -->' };

/**
 * `text` with everything between the figures markers replaced by `md`, or null when the
 * markers are missing (the page is left alone then).
 */
export function replaceFigures(text: string, md: string): string | null {
  const marked = /(<!-- bench:figures -->\n)[\s\S]*?(<!-- \/bench:figures -->)/;
  if (!marked.test(text)) return null;
  return text.replace(marked, (_, open: string, close: string) => `${open}${md}\n${close}`);
}
