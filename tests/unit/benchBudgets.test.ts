/** The bench's budgets as issue 26 decided them: per page type and script, and Lighthouse runs on a busy CPU set apart. */
import { describe, expect, it } from 'vitest';
import { evaluateBudgets, isNoisy, lcpLimit, quietCpuIndex, transferLimit, type WeightRow } from '../../scripts/bench/evaluateBudgets.ts';
import { budgetMatrix, lighthouseTable } from '../../scripts/bench/formatReport.ts';
import { arabicScriptLangs } from '../../scripts/bench/evaluateBudgets.ts';
import { failedByDesign, missesLighthouse, type LighthouseRow } from '../../scripts/bench/runLighthouse.ts';

const row = (
  type: string,
  lang: string,
  script: 'latin' | 'arabic',
  transfer: number,
  extra: Partial<WeightRow['weight']> = {},
): WeightRow => ({
  type,
  lang,
  script,
  content: type !== 'search' && type !== 'flyer',
  weight: {
    url: `/${lang}/`,
    status: 200,
    htmlRaw: 0,
    htmlBrotli: 0,
    bytes: { html: 0, css: 0, js: 0, font: 0, image: 0, other: 0 },
    requests: 3,
    transfer,
    transferBodies: transfer,
    photos: 0,
    fonts: 0,
    frameworkJs: 0,
    scripts: [],
    fontFiles: [],
    failed: [],
    ...extra,
  },
});

const run = (type: string, lang: string, perf: number, lcpMs: number, benchmarkIndex: number | null = 3800): LighthouseRow => ({
  url: '',
  type,
  lang,
  scores: { performance: perf, accessibility: 100, 'best-practices': 100, seo: 100 },
  lcpMs,
  fcpMs: 0,
  tbtMs: 0,
  cls: 0,
  totalBytes: 0,
  benchmarkIndex,
  failing: [],
});

/** The 404 page's median run as Lighthouse 13 scores it: SEO 40 and best practices 96, each point lost by design. */
const notFoundUrl = 'http://127.0.0.1:4416/da/bench-no-such-page/';
const byDesign = ['errors-in-console', 'is-crawlable', 'meta-description', 'http-status-code'];
const notFoundRun = (extra: { failing?: string[]; accessibility?: number } = {}): LighthouseRow => ({
  ...run('notFound', 'da', 100, 760),
  url: notFoundUrl,
  scores: { performance: 100, accessibility: extra.accessibility ?? 100, 'best-practices': 96, seo: 40 },
  failing: [...byDesign, ...(extra.failing ?? [])],
  byDesign,
});

const budget = (result: ReturnType<typeof evaluateBudgets>, id: string) => result.find((b) => b.id === id);

describe('transferLimit() and lcpLimit()', () => {
  it('gives Latin home and flyer pages 18 KB, every other Latin page 14 KB, Arabic and Farsi 50 KB, Urdu 136 KB', () => {
    expect(transferLimit('home', 'da')).toBe(18_000);
    expect(transferLimit('flyer', 'so')).toBe(18_000);
    for (const type of ['activity', 'meetings', 'calendar', 'search', 'privacy', 'notFound', 'refer'])
      expect(transferLimit(type, 'tr')).toBe(14_000);
    expect(transferLimit('home', 'ar')).toBe(50_000);
    expect(transferLimit('flyer', 'fa')).toBe(50_000);
    expect(transferLimit('flyer', 'ur')).toBe(136_000);
    expect(transferLimit('meeting', 'ur')).toBe(136_000);
  });

  it('gives LCP 1.0 s in Latin script, 1.2 s in Arabic and Farsi, 2.0 s in Urdu', () => {
    expect([lcpLimit('da'), lcpLimit('en'), lcpLimit('ar'), lcpLimit('fa'), lcpLimit('ur')]).toEqual([1000, 1000, 1200, 1200, 2000]);
  });
});

describe('evaluateBudgets(): transfer', () => {
  it('passes a Latin content page at exactly 14 KB and fails one byte over, photos left out', () => {
    const at = evaluateBudgets({
      weights: [row('activity', 'da', 'latin', 14_000), row('staff', 'da', 'latin', 54_000, { photos: 40_000 })],
      lighthouse: null,
      form: null,
    });
    expect(budget(at, 'latinTransfer')?.pass).toBe(true);
    const over = evaluateBudgets({ weights: [row('activity', 'da', 'latin', 14_001)], lighthouse: null, form: null });
    expect(budget(over, 'latinTransfer')).toMatchObject({ pass: false, failures: ['14.0 KB = 14001 bytes (activity da)'] });
  });

  it('holds the Latin home page and flyer tool to 18 KB, and names the page with the least room left', () => {
    const within = evaluateBudgets({
      weights: [row('home', 'tr', 'latin', 17_900), row('flyer', 'en', 'latin', 18_000), row('meeting', 'da', 'latin', 13_950)],
      lighthouse: null,
      form: null,
    });
    // 13.95 KB of a 14 KB page has less room than 17.9 KB of an 18 KB one.
    expect(budget(within, 'latinTransfer')).toMatchObject({ pass: true, figure: 'max 18.0 KB = 18000 bytes (flyer en); 3/3 pages within' });
    const over = evaluateBudgets({
      weights: [row('flyer', 'da', 'latin', 18_001), row('home', 'so', 'latin', 14_500)],
      lighthouse: null,
      form: null,
    });
    expect(budget(over, 'latinTransfer')).toMatchObject({ pass: false, failures: ['18.0 KB = 18001 bytes (flyer da)'] });
  });

  it('judges tool pages too: search at 14 KB, flyer at 50 KB in Arabic and 136 KB in Urdu', () => {
    const result = evaluateBudgets({
      weights: [
        row('search', 'da', 'latin', 14_001),
        row('flyer', 'ar', 'arabic', 50_000),
        row('flyer', 'fa', 'arabic', 50_001),
        row('flyer', 'ur', 'arabic', 136_000),
        row('home', 'ur', 'arabic', 135_000),
      ],
      lighthouse: null,
      form: null,
    });
    expect(budget(result, 'latinTransfer')).toMatchObject({ pass: false, failures: ['14.0 KB = 14001 bytes (search da)'] });
    expect(budget(result, 'arabicTransfer')).toMatchObject({
      pass: false,
      figure: 'max 50.0 KB = 50001 bytes (flyer fa); 1/2 pages within',
    });
    expect(budget(result, 'urduTransfer')).toMatchObject({
      pass: true,
      figure: 'max 136.0 KB = 136000 bytes (flyer ur); 2/2 pages within',
    });
    const over = evaluateBudgets({ weights: [row('flyer', 'ur', 'arabic', 136_001)], lighthouse: null, form: null });
    expect(budget(over, 'urduTransfer')?.pass).toBe(false);
  });

  it('fails the JavaScript budget on any framework byte on a content page', () => {
    const result = evaluateBudgets({ weights: [row('home', 'da', 'latin', 9000, { frameworkJs: 1 })], lighthouse: null, form: null });
    expect(budget(result, 'frameworkJs')?.pass).toBe(false);
  });
});

describe('evaluateBudgets(): Lighthouse', () => {
  it('says "not measured" with the reason when Lighthouse could not run', () => {
    const result = evaluateBudgets({
      weights: [],
      lighthouse: null,
      lighthouseSkipped: 'no Chromium',
      form: null,
      formSkipped: 'not built',
    });
    for (const id of ['lighthouse', 'lcp', 'lcpArabicScript', 'lcpUrdu'])
      expect(budget(result, id)).toMatchObject({ pass: null, figure: 'no Chromium' });
    expect(budget(result, 'formP99')).toMatchObject({ pass: null, figure: 'not built' });
  });

  it('judges Lighthouse on the lowest category and LCP per script on the slowest quiet run', () => {
    const result = evaluateBudgets({
      weights: [],
      lighthouse: [
        run('home', 'da', 100, 1001),
        run('home', 'so', 100, 750),
        run('home', 'ur', 98, 2001),
        run('home', 'fa', 100, 1200),
        run('home', 'ar', 100, 1201),
      ],
      form: { p99: 50, staticBaseline: { p99: 25 } },
    });
    expect(budget(result, 'lighthouse')).toMatchObject({ pass: false, failures: ['home ur: performance 98'] });
    expect(budget(result, 'lcp')).toMatchObject({ pass: false, failures: ['home da: 1.00 s'] });
    expect(budget(result, 'lcpArabicScript')).toMatchObject({ pass: false, failures: ['home ar: 1.20 s'] });
    expect(budget(result, 'lcpUrdu')).toMatchObject({ pass: false, failures: ['home ur: 2.00 s'] });
    const urduWithin = evaluateBudgets({ weights: [], lighthouse: [run('flyer', 'ur', 100, 1960)], form: null });
    expect(budget(urduWithin, 'lcpUrdu')).toMatchObject({ pass: true, figure: '1.96 s (flyer ur); 1/1 runs within' });
    expect(budget(urduWithin, 'lcpArabicScript')).toMatchObject({ pass: null, figure: 'no LCP measured in these languages' });
  });

  it('marks a run noisy when its CPU index is below half the quiet figure, and does not count its misses as failures', () => {
    expect(isNoisy({ benchmarkIndex: quietCpuIndex / 2 - 1 })).toBe(true);
    expect(isNoisy({ benchmarkIndex: quietCpuIndex / 2 })).toBe(false);
    expect(isNoisy({ benchmarkIndex: null })).toBe(false);
    expect(isNoisy({ benchmarkIndex: 1500 }, 2000)).toBe(false);

    const noisyOnly = evaluateBudgets({
      weights: [],
      lighthouse: [run('home', 'da', 97, 1100, 900), run('meetings', 'da', 100, 800, 3700)],
      form: null,
    });
    expect(budget(noisyOnly, 'lighthouse')).toMatchObject({
      pass: null,
      failures: [],
      noisy: ['home da: performance 97 (noisy: CPU index 900)'],
    });
    expect(budget(noisyOnly, 'lighthouse')?.figure).toBe('lowest 97 (home da); 1/2 runs all 100; 1 noisy, not judged (CPU index < 1900)');
    expect(budget(noisyOnly, 'lcp')).toMatchObject({ pass: null, failures: [], noisy: ['home da: 1.10 s (noisy: CPU index 900)'] });

    // A miss on a quiet CPU still fails, whatever the noisy runs did.
    const quietMiss = evaluateBudgets({
      weights: [],
      lighthouse: [run('home', 'da', 97, 900, 900), run('staff', 'en', 99, 900, 3000)],
      form: null,
    });
    expect(budget(quietMiss, 'lighthouse')).toMatchObject({ pass: false, failures: ['staff en: performance 99'] });

    // The quiet figure is the machine's: with a slower machine's, the same run is judged.
    const slowMachine = evaluateBudgets({ weights: [], lighthouse: [run('home', 'da', 97, 900, 900)], quietCpuIndex: 1500, form: null });
    expect(budget(slowMachine, 'lighthouse')?.pass).toBe(false);
  });
});

describe('the 404 page in Lighthouse', () => {
  it('sets apart only the audits a 404 page fails by design, and a console error only when it is the page’s own 404', () => {
    expect(failedByDesign([...byDesign, 'color-contrast'], [notFoundUrl], notFoundUrl)).toEqual(byDesign);
    // A script that 404s on the page is a real error.
    expect(failedByDesign(byDesign, [notFoundUrl, 'http://127.0.0.1:4416/_astro/site.js'], notFoundUrl)).toEqual(
      byDesign.filter((id) => id !== 'errors-in-console'),
    );
    expect(failedByDesign(['errors-in-console'], [], notFoundUrl)).toEqual([]);
  });

  it('counts a 404 run whose only lost points are by design as 100, and any other lost point as a miss', () => {
    expect(missesLighthouse(notFoundRun())).toBe(false);
    expect(missesLighthouse(notFoundRun({ failing: ['color-contrast'], accessibility: 95 }))).toBe(true);
    // Outside the 404 page nothing is set apart.
    expect(missesLighthouse({ ...notFoundRun(), byDesign: undefined })).toBe(true);

    const pass = evaluateBudgets({ weights: [], lighthouse: [run('home', 'da', 100, 800), notFoundRun()], form: null });
    expect(budget(pass, 'lighthouse')).toMatchObject({ pass: true, failures: [] });
    expect(budget(pass, 'lighthouse')?.figure).toBe(
      "lowest 100 (home da) (notFound da count as 100: their lost points are a 404 page's by design: " +
        'errors-in-console, is-crawlable, meta-description, http-status-code); 2/2 runs all 100',
    );
    const fail = evaluateBudgets({
      weights: [],
      lighthouse: [notFoundRun({ failing: ['color-contrast'], accessibility: 95 })],
      form: null,
    });
    expect(budget(fail, 'lighthouse')).toMatchObject({
      pass: false,
      failures: ['notFound da: accessibility 95, best-practices 96, seo 40'],
    });

    const matrix = budgetMatrix([], [notFoundRun()], arabicScriptLangs);
    expect(matrix.split('\n').find((l) => l.startsWith('notFound'))).toMatch(/40 \/ 100 ok \(404 by design\)$/);
    expect(lighthouseTable([notFoundRun()])).toContain('http-status-code (404 by design)');
  });
});

describe('budgetMatrix()', () => {
  it('shows each budget against every page type, per script, noisy misses marked', () => {
    const weights = [
      row('home', 'da', 'latin', 17_200),
      row('home', 'ar', 'arabic', 32_700),
      row('home', 'ur', 'arabic', 135_700),
      row('flyer', 'en', 'latin', 18_500),
      row('privacy', 'da', 'latin', 12_000),
    ];
    const lighthouse = [run('home', 'da', 100, 800), run('home', 'ur', 100, 2100, 1000), run('flyer', 'fa', 96, 1100)];
    const text = budgetMatrix(weights, lighthouse, arabicScriptLangs);
    const line = (type: string) => text.split('\n').find((l) => l.startsWith(`${type} `)) ?? '';
    expect(text.split('\n')[0]).toMatch(/^page +transfer Latin +transfer ar\/fa +transfer ur +LCP Latin +LCP ar\/fa +LCP ur +Lighthouse$/);
    expect(line('home')).toMatch(
      /17\.2 KB \/ 18\.0 KB ok +32\.7 KB \/ 50\.0 KB ok +135\.7 KB \/ 136\.0 KB ok +0\.80 s \/ 1\.00 s ok +– +2\.10 s \/ 2\.00 s noisy +100 \/ 100 ok/,
    );
    expect(line('flyer')).toMatch(/18\.5 KB \/ 18\.0 KB OVER +– +– +– +1\.10 s \/ 1\.20 s ok +– +96 \/ 100 OVER/);
    expect(line('privacy')).toMatch(/12\.0 KB \/ 14\.0 KB ok +– +– +– +– +– +–$/);
  });
});

describe('lighthouseTable()', () => {
  it('prints the CPU index of every run beside the median, and marks a noisy one', () => {
    const rows = [{ ...run('home', 'da', 100, 800, 1200), runIndexes: [1100, 1200, 3900] }, run('meetings', 'ar', 100, 1000, 3800)];
    const text = lighthouseTable(rows);
    expect(text).toContain('1200 noisy (1100, 1200, 3900)');
    expect(text.split('\n').find((l) => l.startsWith('meetings'))).toMatch(/ 3800 +– *$/);
  });
});
