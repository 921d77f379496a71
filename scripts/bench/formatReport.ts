/**
 * Tables for the terminal and the same tables as Markdown (bench-results/latest.md), so
 * docs/performance.md can be refreshed from a run without retyping a figure.
 */
import { kb } from './evaluateBudgets.ts';
import { phaseBreakdown } from './buildPhases.ts';

/**
 * @param {string[]} head
 * @param {(string | number)[][]} rows
 * @param {{ markdown?: boolean }} [o] first column left-aligned, the rest right-aligned
 */
export function table(head, rows, { markdown = false } = {}) {
  const cells = [head, ...rows.map((r) => r.map(String))];
  if (markdown) {
    const line = (/** @type {string[]} */ r) => `| ${r.join(' | ')} |`;
    return [line(head), line(head.map((_, i) => (i === 0 ? '---' : '---:'))), ...cells.slice(1).map(line)].join('\n');
  }
  const widths = head.map((_, i) => Math.max(...cells.map((r) => [...(r[i] ?? '')].length)));
  const pad = (/** @type {string} */ s, /** @type {number} */ i) => {
    const gap = ' '.repeat(widths[i] - [...s].length);
    return i === 0 ? s + gap : gap + s;
  };
  return cells.map((r, n) => r.map(pad).join('  ') + (n === 0 ? `\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : '')).join('\n');
}

/** @param {import('./evaluateBudgets.ts').WeightRow[]} weights @param {{ markdown?: boolean }} [o] */
export function weightTable(weights, o) {
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
 * @param {import('./evaluateBudgets.ts').WeightRow[]} weights @param {string[]} langs @param {{ markdown?: boolean }} [o]
 */
export function transferMatrix(weights, langs, o) {
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

/** @param {(import('./runLighthouse.ts').LighthouseResult & { type: string, lang: string })[]} runs @param {{ markdown?: boolean }} [o] */
export function lighthouseTable(runs, o) {
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

/** @param {import('./measureBuildScaling.ts').BuildTiming[]} timings @param {{ markdown?: boolean }} [o] */
export function buildTable(timings, o) {
  return table(
    ['build', 'meetings', 'pages', 'astro build', 'postbuild', 'total (wall)', 'CPU time', 'wall ms/page', 'CPU ms/page'],
    timings.map((t) =>
      t.error
        ? [t.label, t.meetings, '–', 'failed', '', '', '', '', t.error.split('\n')[0].slice(0, 60)]
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
 * costs in each phase between the smallest and the largest scaling copy (`perPage`: ms or null).
 * @param {import('./measureBuildScaling.ts').BuildTiming[]} timings
 * @param {(number | null)[] | null} perPage one figure per row of phaseBreakdown()
 * @param {{ markdown?: boolean }} [o]
 */
export function phaseTable(timings, perPage, o) {
  const ok = timings.filter((t) => !t.error);
  const columns = ok.map((t) => phaseBreakdown(t));
  const rows = phaseBreakdown(ok[0] ?? { astroMs: 0, postbuildMs: 0 }).map(({ phase }, i) => [
    phase,
    ...columns.map((c) => sec(c[i].ms)),
    ...(perPage ? [perPage[i] == null ? '–' : perPage[i].toFixed(1)] : []),
  ]);
  return table(['phase', ...ok.map((t) => `${t.label}`), ...(perPage ? ['ms per extra page'] : [])], rows, o);
}

/** @param {import('./evaluateBudgets.ts').BudgetResult[]} results @param {{ markdown?: boolean }} [o] */
export function budgetTable(results, o) {
  return table(
    ['budget', 'limit', 'result', 'figure'],
    results.map((b) => [b.label, b.budget, b.pass === null ? 'not measured' : b.pass ? 'PASS' : 'FAIL', b.figure]),
    o,
  );
}

/** @param {number | null} ms */
export function sec(ms) {
  return ms == null ? '–' : `${(ms / 1000).toFixed(2)} s`;
}
