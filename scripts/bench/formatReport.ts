/**
 * Tables for the terminal and the same tables as Markdown (bench-results/latest.md), so
 * docs/performance.md can be refreshed from a run without retyping a figure.
 */
import { kb, type BudgetResult, type WeightRow } from './evaluateBudgets.ts';
import { phaseBreakdown } from './buildPhases.ts';
import type { BuildTiming } from './buildTiming.ts';
import type { LighthouseRow } from './runLighthouse.ts';

/** How a table is written: for the terminal (the default) or as Markdown. */
export interface TableOptions {
  markdown?: boolean;
}

/** A table with a head row; the first column left-aligned, the rest right-aligned. */
export function table(head: string[], rows: (string | number)[][], { markdown = false }: TableOptions = {}): string {
  const cells = [head, ...rows.map((r) => r.map(String))];
  if (markdown) {
    const line = (r: string[]) => `| ${r.join(' | ')} |`;
    return [line(head), line(head.map((_, i) => (i === 0 ? '---' : '---:'))), ...cells.slice(1).map(line)].join('\n');
  }
  const widths = head.map((_, i) => Math.max(...cells.map((r) => [...(r[i] ?? '')].length)));
  const pad = (s: string, i: number) => {
    const gap = ' '.repeat((widths[i] ?? 0) - [...s].length);
    return i === 0 ? s + gap : gap + s;
  };
  return cells.map((r, n) => r.map(pad).join('  ') + (n === 0 ? `\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : '')).join('\n');
}

/** Page weight per page and language. */
export function weightTable(weights: WeightRow[], o?: TableOptions): string {
  return table(
    ['page', 'lang', 'HTML', 'HTML br', 'CSS', 'JS', 'fonts', 'images', 'req', 'transfer', 'w/o photos'],
    weights.map(({ type, lang, weight: w }) => [
      type,
      lang,
      kb(w.htmlRaw),
      kb(w.htmlBrotli),
      kb(w.bytes.css),
      kb(w.bytes.js),
      kb(w.fonts),
      kb(w.bytes.image),
      w.requests,
      kb(w.transfer),
      kb(w.transfer - w.photos),
    ]),
    o,
  );
}

/**
 * Transfer (photos excluded) per page type (rows) and language (columns).
 */
export function transferMatrix(weights: WeightRow[], langs: string[], o?: TableOptions): string {
  const types = [...new Set(weights.map((w) => w.type))];
  return table(
    ['page', ...langs],
    types.map((type) => [
      type,
      ...langs.map((lang) => {
        const w = weights.find((x) => x.type === type && x.lang === lang)?.weight;
        return w ? kb(w.transfer - w.photos) : '–';
      }),
    ]),
    o,
  );
}

/** Lighthouse's scores and timings per page and language. */
export function lighthouseTable(runs: LighthouseRow[], o?: TableOptions): string {
  return table(
    ['page', 'lang', 'perf', 'a11y', 'best pr.', 'SEO', 'LCP', 'FCP', 'TBT', 'CLS', 'CPU index', 'lost points on'],
    runs.map((r) =>
      r.error
        ? [r.type, r.lang, 'error', '', '', '', '', '', '', '', '', r.error.slice(0, 60)]
        : [
            r.type,
            r.lang,
            r.scores.performance ?? '–',
            r.scores.accessibility ?? '–',
            r.scores['best-practices'] ?? '–',
            r.scores.seo ?? '–',
            sec(r.lcpMs),
            sec(r.fcpMs),
            r.tbtMs == null ? '–' : `${Math.round(r.tbtMs)} ms`,
            r.cls == null ? '–' : r.cls.toFixed(3),
            r.benchmarkIndex == null ? '–' : Math.round(r.benchmarkIndex),
            r.failing.join(', ') || '–',
          ],
    ),
    o,
  );
}

/** Build times, one row per build. */
export function buildTable(timings: BuildTiming[], o?: TableOptions): string {
  return table(
    ['build', 'meetings', 'pages', 'astro build', 'postbuild', 'total (wall)', 'CPU time', 'wall ms/page', 'CPU ms/page'],
    timings.map((t) =>
      t.error
        ? [t.label, t.meetings, '–', 'failed', '', '', '', '', (t.error.split('\n')[0] ?? '').slice(0, 60)]
        : [
            t.label,
            t.meetings,
            t.pages,
            sec(t.astroMs),
            sec(t.postbuildMs),
            sec(t.totalMs),
            sec(t.cpuMs),
            (t.totalMs / t.pages).toFixed(1),
            t.cpuMs == null ? '–' : (t.cpuMs / t.pages).toFixed(1),
          ],
    ),
    o,
  );
}

/**
 * Where each build's time went (seconds per phase, one column per build), and what one extra page
 * costs in each phase between the smallest and the largest scaling copy (`perPage`: one figure
 * per row of phaseBreakdown(), ms or null).
 */
export function phaseTable(timings: BuildTiming[], perPage: (number | null)[] | null, o?: TableOptions): string {
  const ok = timings.filter((t) => !t.error);
  const columns = ok.map((t) => phaseBreakdown(t));
  const rows = phaseBreakdown(ok[0] ?? { astroMs: 0, postbuildMs: 0 }).map(({ phase }, i) => [
    phase,
    ...columns.map((c) => sec(c[i]?.ms)),
    ...(perPage ? [perPage[i]?.toFixed(1) ?? '–'] : []),
  ]);
  return table(['phase', ...ok.map((t) => `${t.label}`), ...(perPage ? ['ms per extra page'] : [])], rows, o);
}

/** Each budget with its limit, PASS / FAIL / not measured, and the deciding figure. */
export function budgetTable(results: BudgetResult[], o?: TableOptions): string {
  return table(
    ['budget', 'limit', 'result', 'figure'],
    results.map((b) => [b.label, b.budget, b.pass === null ? 'not measured' : b.pass ? 'PASS' : 'FAIL', b.figure]),
    o,
  );
}

/** Milliseconds as seconds ("1.23 s"), or "–" without a figure. */
export function sec(ms: number | null | undefined): string {
  return ms == null ? '–' : `${(ms / 1000).toFixed(2)} s`;
}
