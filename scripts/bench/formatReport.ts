/**
 * Tables for the terminal and the same tables as Markdown (bench-results/latest.md), so
 * docs/performance.md can be refreshed from a run without retyping a figure.
 */
import { isNoisy, kb, lcpLimit, quietCpuIndex, transferLimit, type BudgetResult, type WeightRow } from './evaluateBudgets.ts';
import { phaseBreakdown } from './buildPhases.ts';
import type { BuildTiming } from './buildTiming.ts';
import { lowestScore, missesLighthouse, type LighthouseRow } from './runLighthouse.ts';

/** How a table is written: for the terminal (the default) or as Markdown. */
export interface TableOptions {
  markdown?: boolean;
  /** Lighthouse's CPU index of the quiet machine, for marking noisy runs (default quietCpuIndex) */
  quietCpuIndex?: number;
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

/** Lighthouse's scores and timings per page and language; the CPU index of each run beside the median's, noisy runs marked. */
export function lighthouseTable(runs: LighthouseRow[], o?: TableOptions): string {
  const quiet = o?.quietCpuIndex ?? quietCpuIndex;
  const index = (n: number | null | undefined) => (n == null ? '–' : String(Math.round(n)));
  const cpu = (r: LighthouseRow) => {
    const each = r.runIndexes && r.runIndexes.length > 1 ? ` (${r.runIndexes.map(index).join(', ')})` : '';
    return `${index(r.benchmarkIndex)}${isNoisy(r, quiet) ? ' noisy' : ''}${each}`;
  };
  return table(
    ['page', 'lang', 'perf', 'a11y', 'best pr.', 'SEO', 'LCP', 'FCP', 'TBT', 'CLS', 'CPU index', 'lost points on'],
    runs.map((r) =>
      r.error
        ? [r.type, r.lang, 'error', '', '', '', '', '', '', '', cpu(r), r.error.slice(0, 60)]
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
            cpu(r),
            r.failing.map((id) => ((r.byDesign ?? []).includes(id) ? `${id} (404 by design)` : id)).join(', ') || '–',
          ],
    ),
    o,
  );
}

/** The languages each column of the budget matrix judges. */
const scriptColumns = [
  { name: 'Latin', langs: (l: string, arabic: Set<string>) => !arabic.has(l) },
  { name: 'ar/fa', langs: (l: string, arabic: Set<string>) => arabic.has(l) && l !== 'ur' },
  { name: 'ur', langs: (l: string) => l === 'ur' },
] as const;

/**
 * Every budget against every page type: per script, the largest transfer against its limit and
 * the slowest LCP against its limit, and the lowest Lighthouse score. A cell reads
 * "17.2 / 18.0 KB ok", "… OVER", or "… noisy" (a miss only in runs on a busy CPU); '–' where nothing was measured.
 */
export function budgetMatrix(
  weights: WeightRow[],
  lighthouse: LighthouseRow[] | null,
  arabicScript: Set<string>,
  o?: TableOptions,
): string {
  const quiet = o?.quietCpuIndex ?? quietCpuIndex;
  const types = [...new Set([...weights.map((w) => w.type), ...(lighthouse ?? []).map((r) => r.type)])];
  const verdict = (over: boolean, noisyOnly: boolean) => (!over ? 'ok' : noisyOnly ? 'noisy' : 'OVER');
  const rows = types.map((type) => {
    const cells: string[] = [type];
    for (const col of scriptColumns) {
      const ws = weights.filter((w) => w.type === type && col.langs(w.lang, arabicScript));
      if (!ws.length) cells.push('–');
      else {
        const room = (w: WeightRow) => w.weight.transfer - w.weight.photos - transferLimit(w.type, w.lang);
        const worst = ws.reduce((a, b) => (room(b) > room(a) ? b : a));
        const size = worst.weight.transfer - worst.weight.photos;
        const limit = transferLimit(worst.type, worst.lang);
        cells.push(`${kb(size)} / ${kb(limit)} ${verdict(size > limit, false)}`);
      }
    }
    const runs = (lighthouse ?? []).filter((r) => r.type === type && !r.error);
    for (const col of scriptColumns) {
      const timed = runs.filter((r) => r.lcpMs != null && col.langs(r.lang, arabicScript));
      if (!timed.length) cells.push('–');
      else {
        const worst = timed.reduce((a, b) => ((b.lcpMs ?? 0) - lcpLimit(b.lang) > (a.lcpMs ?? 0) - lcpLimit(a.lang) ? b : a));
        const misses = timed.filter((r) => (r.lcpMs ?? 0) > lcpLimit(r.lang));
        cells.push(
          `${sec(worst.lcpMs)} / ${sec(lcpLimit(worst.lang))} ${verdict(
            misses.length > 0,
            misses.every((r) => isNoisy(r, quiet)),
          )}`,
        );
      }
    }
    const all = (lighthouse ?? []).filter((r) => r.type === type);
    if (!all.length) cells.push('–');
    else {
      const misses = all.filter(missesLighthouse);
      const min = Math.min(...all.map(lowestScore));
      const verdictText =
        misses.length === 0 && min < 100
          ? 'ok (404 by design)'
          : verdict(
              misses.length > 0,
              misses.every((r) => isNoisy(r, quiet)),
            );
      cells.push(`${min} / 100 ${verdictText}`);
    }
    return cells;
  });
  return table(
    ['page', ...scriptColumns.map((c) => `transfer ${c.name}`), ...scriptColumns.map((c) => `LCP ${c.name}`), 'Lighthouse'],
    rows,
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
