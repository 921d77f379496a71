import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from '../../scripts/bench/benchOptions.ts';
import { keepPrevious, newReport, type BenchReport } from '../../scripts/bench/benchReport.ts';
import { benchMarkdown, cpuNote, replaceFigures } from '../../scripts/bench/benchMarkdown.ts';
import { evaluateBudgets, type WeightRow } from '../../scripts/bench/evaluateBudgets.ts';

const langs = ['da', 'en', 'ar', 'tr', 'ur', 'so', 'fa'];

const weightRow = (type: string, lang: string, transfer: number, photos = 0): WeightRow => ({
  type,
  lang,
  script: ['ar', 'ur', 'fa'].includes(lang) ? 'arabic' : 'latin',
  content: true,
  weight: {
    url: `/${lang}/`,
    status: 200,
    htmlRaw: 9000,
    htmlBrotli: 3000,
    bytes: { html: 3000, css: 4000, js: 0, font: 0, image: photos, other: 0 },
    requests: 3,
    transfer,
    transferBodies: transfer,
    photos,
    fonts: 0,
    frameworkJs: 0,
    scripts: [],
    fontFiles: [],
    failed: [],
  },
});

const timing = (label: string, meetings: number, pages: number, totalMs: number) => ({
  label,
  meetings,
  pages,
  astroMs: totalMs - 1000,
  postbuildMs: 1000,
  totalMs,
  cpuMs: totalMs * 1.5,
});

const lighthouseRun = (lang: string, benchmarkIndex: number) => ({
  url: `http://127.0.0.1:4416/${lang}/`,
  type: 'home',
  lang,
  scores: { performance: 100, accessibility: 100, 'best-practices': 100, seo: 100 },
  lcpMs: 800,
  fcpMs: 700,
  tbtMs: 0,
  cls: 0,
  totalBytes: 20_000,
  benchmarkIndex,
  failing: [],
});

const form = {
  connections: 50,
  posts: 3000,
  acknowledged: 3000,
  statusCodes: { '303': 3000 },
  errors: 0,
  rowsStored: 3000,
  rowsMatch: true,
  rps: 1200,
  p50: 30,
  p90: 40,
  p99: 60,
  max: 90,
  durationS: 2.5,
  waitedMs: 0,
  staticBaseline: { url: '/', rps: 4000, p50: 10, p99: 20 },
};

/** A report as a full earlier run left it in bench-results/latest.json. */
function previousRun(): BenchReport {
  const report = newReport(new Date('2026-11-20T09:30:00Z'));
  report.machine.loadAverageAtStart = [0.4, 0.5, 0.6];
  report.build = timing('real content (in place)', 20, 300, 40_000);
  report.weights = [weightRow('home', 'da', 15_000)];
  report.lighthouse = [lighthouseRun('da', 3800)];
  report.form = form;
  report.scaling = [timing('100 meetings', 100, 900, 60_000), timing('1000 meetings', 1000, 7000, 300_000)];
  report.msPerExtraPage = {
    from: '100 meetings',
    to: '1000 meetings',
    extraPages: 6100,
    totalMs: 39,
    astroMs: 38,
    postbuildMs: 1,
    cpuMs: 50,
  };
  return report;
}

describe('parseBenchArgs()', () => {
  it('reads the sections to skip, the meeting totals and the switches', () => {
    const o = parseBenchArgs(['--skip=scaling,lighthouse', '--no-build', '--meetings=100,0,1000', '--keep', '--readme']);
    expect([...o.skip].sort()).toEqual(['lighthouse', 'scaling']);
    // Lighthouse: the median of 3 runs, noisy below half of the quiet machine's CPU index (issue 26).
    expect(o).toMatchObject({
      noBuild: true,
      meetings: [100, 1000],
      keep: true,
      readme: true,
      lighthouseRuns: 3,
      quietCpuIndex: 3800,
      posts: 3000,
    });
    expect(parseBenchArgs(['--lighthouse-runs=1', '--quiet-cpu-index=2000', '--lighthouse-types=flyer,home'])).toMatchObject({
      lighthouseRuns: 1,
      quietCpuIndex: 2000,
      lighthouseTypes: ['flyer', 'home'],
    });
    expect(o.lighthouseLangs).toEqual(['da', 'en', 'ar', 'tr', 'ur', 'so', 'fa']);
  });

  it('refuses a section it does not know, naming the ones it does', () => {
    expect(() => parseBenchArgs(['--skip=weigth'])).toThrow(
      /unknown section\(s\) weigth; the sections are weight, lighthouse, form, inbox, scaling, voice/,
    );
  });
});

describe('keepPrevious()', () => {
  it('takes over only the skipped sections, each marked with the earlier run’s date and load', () => {
    const now = newReport(new Date('2026-11-30T16:00:00Z'));
    now.weights = [weightRow('home', 'da', 14_000)];
    now.lighthouseSkipped = 'skipped (--skip=lighthouse)';
    now.scalingSkipped = 'skipped (--skip=scaling)';
    keepPrevious(now, previousRun(), new Set(['lighthouse', 'scaling']));
    expect(now.weights[0]?.weight.transfer).toBe(14_000);
    expect(now.lighthouse).toHaveLength(1);
    expect(now.lighthouseSkipped).toBeUndefined();
    expect(now.scaling.map((t) => t.meetings)).toEqual([100, 1000]);
    expect(now.msPerExtraPage?.extraPages).toBe(6100);
    expect(now.scalingSkipped).toBeUndefined();
    expect(now.form).toBeNull();
    expect(now.kept).toEqual({
      build: '2026-11-20 09:30 UTC, load average 0.4',
      lighthouse: '2026-11-20 09:30 UTC, load average 0.4',
      scaling: '2026-11-20 09:30 UTC, load average 0.4',
    });
  });

  it('keeps the build measured now (a run without --no-build) and the first origin of a section kept twice', () => {
    const earlier = previousRun();
    earlier.kept = { lighthouse: '2026-11-01 08:00 UTC, load average 0.1' };
    const now = newReport();
    now.build = timing('real content (in place)', 20, 300, 35_000);
    keepPrevious(now, earlier, new Set(['lighthouse']));
    expect(now.build.totalMs).toBe(35_000);
    expect(now.kept).toEqual({ lighthouse: '2026-11-01 08:00 UTC, load average 0.1' });
  });

  it('leaves a skipped section empty, with its reason, when the earlier run lacks it too', () => {
    const earlier = previousRun();
    earlier.form = null;
    earlier.formSkipped = 'the interest form is not built yet';
    const now = newReport();
    now.formSkipped = 'skipped (--skip=form)';
    keepPrevious(now, earlier, new Set(['form']));
    expect(now.form).toBeNull();
    expect(now.formSkipped).toBe('skipped (--skip=form)');
    expect(now.kept.form).toBeUndefined();
  });
});

describe('benchMarkdown()', () => {
  const report = previousRun();
  Object.assign(report.machine, { cpus: 2, cpuModel: 'Test CPU', memoryGiB: 24, node: '22.23.3', chromium: '140.0', lighthouse: '13.5.0' });
  report.weights = [weightRow('home', 'da', 15_000), weightRow('home', 'ar', 61_000), weightRow('staff', 'da', 50_000, 40_000)];
  report.budgets = evaluateBudgets(report);
  const md = benchMarkdown(report, langs);

  it('opens with the date and the machine', () => {
    expect(md.split('\n')[0]).toBe(
      'Measured 2026-11-20 on 2 cores (Test CPU), 24 GiB, load average 0.4 at the start, Node 22.23.3, Chromium 140.0, Lighthouse 13.5.0.',
    );
  });

  it('writes the transfer per page type and language as a Markdown table, photos left out', () => {
    expect(md).toContain(
      [
        '### Transfer without photos (KB, first load, empty cache)',
        '',
        '| page | da | en | ar | tr | ur | so | fa |',
        '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
        '| home | 15.0 KB | – | 61.0 KB | – | – | – | – |',
        '| staff | 10.0 KB | – | – | – | – | – | – |',
      ].join('\n'),
    );
  });

  it('gives every section a heading, in the order the page reads them, and the per-page build cost', () => {
    const headings = md.split('\n').filter((l) => l.startsWith('### '));
    expect(headings).toEqual([
      '### Transfer without photos (KB, first load, empty cache)',
      '### Page weight in detail',
      '### Lighthouse 13.5.0 (mobile)',
      '### Form receiver',
      '### Build time',
      '### Where the build time goes (seconds)',
      '### Budgets',
      '### Each budget against every page type',
    ]);
    expect(md).toContain('3000 valid posts, 50 connections: 1200 requests/s, p50 30 ms, p90 40 ms, p99 60 ms, max 90 ms.');
    expect(md).toContain('each extra page costs 39.0 ms of wall time (astro build 38.0 ms, postbuild 1.0 ms) and 50.0 ms of CPU time');
    expect(md).toMatch(/\| Lighthouse \(mobile\): 100 in all four categories \| 100 × 4 \| PASS \|/);
  });

  it('says why a section has no figures and which sections came from earlier runs', () => {
    const partial = newReport(new Date('2026-11-30T16:00:00Z'));
    partial.lighthouseSkipped = 'skipped (--skip=lighthouse)';
    partial.formSkipped = 'the interest form is not built yet';
    partial.scalingSkipped = 'skipped (--skip=scaling)';
    partial.kept = { build: '2026-11-20 09:30 UTC, load average 0.4' };
    partial.budgets = evaluateBudgets(partial);
    const text = benchMarkdown(partial, langs);
    expect(text).toContain('Sections taken over from earlier runs (--keep): build (2026-11-20 09:30 UTC, load average 0.4).');
    expect(text).toContain('Lighthouse: skipped (--skip=lighthouse)');
    expect(text).toContain('Form receiver: the interest form is not built yet');
    expect(text).toContain('Build scaling: skipped (--skip=scaling)');
    expect(text).not.toContain('### Transfer');
  });

  it('warns when Lighthouse found the CPU busy', () => {
    const busy = previousRun();
    busy.lighthouse = [lighthouseRun('da', 900), lighthouseRun('ar', 1200), lighthouseRun('ur', 3000)];
    expect(cpuNote(busy)).toMatch(/^Lighthouse's CPU benchmark index was 1200 \(median; 900–3000\): the CPU was busy/);
    expect(cpuNote(previousRun())).toBe("Lighthouse's CPU benchmark index was 3800 (median; 3800–3800).");
  });
});

describe('replaceFigures()', () => {
  it('replaces only what is between the markers', () => {
    const page = '# Performance\n\nIntro.\n\n<!-- bench:figures -->\nold figures\n<!-- /bench:figures -->\n\n## After\n';
    expect(replaceFigures(page, 'new figures')).toBe(
      '# Performance\n\nIntro.\n\n<!-- bench:figures -->\nnew figures\n<!-- /bench:figures -->\n\n## After\n',
    );
  });

  it('returns null for a page without markers, so the caller leaves it alone', () => {
    expect(replaceFigures('# Performance\n', 'new')).toBeNull();
  });
});
