import { describe, expect, it } from 'vitest';
import { discoverPageTypes } from '../../scripts/bench/discoverPageTypes.ts';
import { localTime, readMeetingTemplate, syntheticMeetings } from '../../scripts/bench/syntheticMeetings.ts';
import { meetingSchema } from '#src/meetings/meetingSchema.ts';
import { yamlIds } from '#src/contentLoaders/readYamlDir.ts';
import { parse } from 'yaml';
import { evaluateBudgets, type WeightRow } from '../../scripts/bench/evaluateBudgets.ts';
import { msPerExtraPage } from '../../scripts/bench/measureBuildScaling.ts';

describe('discoverPageTypes()', () => {
  const pages = [
    '/',
    '/da/',
    '/da/activities/mentor/',
    '/da/activities/danish/',
    '/da/meetings/',
    '/da/meetings/2027-01-14-greve/',
    '/da/meetings/feed/',
    '/da/search/',
    '/ar/',
    '/ar/staff/',
  ];

  it('picks the first page of each type, by path, in the source language', () => {
    const found = discoverPageTypes(pages, 'da');
    expect(found.home).toBe('');
    expect(found.activity).toBe('activities/danish/');
    expect(found.meetings).toBe('meetings/');
    expect(found.meeting).toBe('meetings/2027-01-14-greve/');
    expect(found.search).toBe('search/');
  });

  it('reports a type with no page in the source language as not built (null)', () => {
    const found = discoverPageTypes(pages, 'da');
    expect(found.staff).toBeNull();
    expect(found.interest).toBeNull();
    expect(found.flyer).toBeNull();
  });
});

describe('syntheticMeetings()', () => {
  const template = {
    start: '2027-01-14T17:00:00+01:00',
    end: '2027-01-14T19:00:00+01:00',
    venue: 'beboerhuset',
    interpreters: ['ar'],
    childcare: true,
    cancelled: true,
  };

  it('writes Copenhagen wall-clock times with the offset of that day, summer and winter', () => {
    expect(localTime('2030-01-07', '17:00:00')).toBe('2030-01-07T17:00:00+01:00');
    expect(localTime('2030-07-01', '17:00:00')).toBe('2030-07-01T17:00:00+02:00');
  });

  it('makes one meeting a day with the template time, length and fields, never cancelled', () => {
    const made = syntheticMeetings(template, 200);
    expect(made).toHaveLength(200);
    expect(new Set(made.map((m) => m.id)).size).toBe(200);
    for (const m of made) expect(m.id).toMatch(/^[a-z0-9][a-z0-9-]*$/);
    const first = made[0]?.yaml;
    expect(first).toContain('start: 2030-01-07T17:00:00+01:00');
    expect(first).toContain('end: 2030-01-07T19:00:00+01:00');
    expect(first).toContain('venue: beboerhuset');
    expect(first).toContain('cancelled: false');
    const summer = made.find((m) => m.id.startsWith('2030-07-01'));
    expect(summer?.yaml).toContain('start: 2030-07-01T17:00:00+02:00');
    expect(summer?.yaml).toContain('end: 2030-07-01T19:00:00+02:00');
  });

  it('makes meetings the real meeting schema accepts, from a real file in content/meetings', () => {
    const real = readMeetingTemplate('content/meetings');
    expect(real).not.toBeNull();
    const schema = meetingSchema({ venueIds: new Set(yamlIds('content/venues')) });
    for (const m of syntheticMeetings(real!.data, 400)) {
      const checked = schema.safeParse(parse(m.yaml));
      expect(checked.error?.issues ?? [], m.id).toEqual([]);
    }
  });

  it('refuses a template without a usable start and end', () => {
    expect(() => syntheticMeetings({ start: '2027-01-14T19:00:00+01:00', end: '2027-01-14T17:00:00+01:00' }, 1)).toThrow(
      /usable start\/end/,
    );
  });
});

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
  content: type !== 'search',
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

describe('evaluateBudgets()', () => {
  it('passes a Latin page at exactly 14 KB and fails one byte over, photos left out', () => {
    const at = evaluateBudgets({
      weights: [row('home', 'da', 'latin', 14_000), row('staff', 'da', 'latin', 54_000, { photos: 40_000 })],
      lighthouse: null,
      form: null,
    });
    expect(at.find((b) => b.id === 'latinTransfer')?.pass).toBe(true);
    const over = evaluateBudgets({ weights: [row('home', 'da', 'latin', 14_001)], lighthouse: null, form: null });
    expect(over.find((b) => b.id === 'latinTransfer')).toMatchObject({ pass: false, failures: ['14.0 KB = 14001 bytes (home da)'] });
  });

  it('holds Arabic and Farsi pages to 50 KB and Urdu (Nastaliq) to 120 KB with their font, and ignores tool pages', () => {
    const result = evaluateBudgets({
      weights: [
        row('home', 'ur', 'arabic', 119_000),
        row('home', 'ar', 'arabic', 50_000),
        row('home', 'fa', 'arabic', 50_001),
        row('search', 'ur', 'arabic', 500_000),
      ],
      lighthouse: null,
      form: null,
    });
    const arabic = result.find((b) => b.id === 'arabicTransfer');
    expect(arabic?.pass).toBe(false);
    expect(arabic?.figure).toBe('max 50.0 KB = 50001 bytes (home fa); 1/2 pages within');
    expect(result.find((b) => b.id === 'urduTransfer')).toMatchObject({
      pass: true,
      figure: 'max 119.0 KB = 119000 bytes (home ur); 1/1 pages within',
    });
  });

  it('fails the JavaScript budget on any framework byte on a content page', () => {
    const result = evaluateBudgets({ weights: [row('home', 'da', 'latin', 9000, { frameworkJs: 1 })], lighthouse: null, form: null });
    expect(result.find((b) => b.id === 'frameworkJs')?.pass).toBe(false);
  });

  it('says "not measured" with the reason when Lighthouse or the form could not run', () => {
    const result = evaluateBudgets({
      weights: [],
      lighthouse: null,
      lighthouseSkipped: 'no Chromium',
      form: null,
      formSkipped: 'not built',
    });
    expect(result.find((b) => b.id === 'lighthouse')).toMatchObject({ pass: null, figure: 'no Chromium' });
    expect(result.find((b) => b.id === 'formP99')).toMatchObject({ pass: null, figure: 'not built' });
  });

  it('judges Lighthouse on the lowest category and LCP on the slowest run', () => {
    const run = (lang: string, perf: number, lcpMs: number) => ({
      url: '',
      type: 'home',
      lang,
      scores: { performance: perf, accessibility: 100, 'best-practices': 100, seo: 100 },
      lcpMs,
      fcpMs: 0,
      tbtMs: 0,
      cls: 0,
      totalBytes: 0,
      benchmarkIndex: 0,
      failing: [],
    });
    const result = evaluateBudgets({
      weights: [],
      lighthouse: [run('da', 100, 1001), run('so', 100, 750), run('ur', 98, 1300), run('fa', 100, 1200)],
      form: { p99: 50, staticBaseline: { p99: 25 } },
    });
    expect(result.find((b) => b.id === 'lighthouse')).toMatchObject({ pass: false, failures: ['home ur: performance 98'] });
    // Latin-script pages within 1.0 s; Arabic-script pages, whose font may have to download, within 1.2 s.
    expect(result.find((b) => b.id === 'lcp')).toMatchObject({ pass: false, failures: ['home da: 1.00 s'] });
    expect(result.find((b) => b.id === 'lcpArabicScript')).toMatchObject({ pass: false, failures: ['home ur: 1.30 s'] });
    expect(result.find((b) => b.id === 'formP99')?.pass).toBe(true);
    expect(result.find((b) => b.id === 'formVsStatic')).toMatchObject({ pass: true, figure: '2.00 × (form p99 50 ms, static p99 25 ms)' });
  });

  it('holds the form receiver to twice the static pages at the same load, and says when there was no baseline', () => {
    const over = evaluateBudgets({ weights: [], lighthouse: null, form: { p99: 41, staticBaseline: { p99: 20 } } });
    expect(over.find((b) => b.id === 'formP99')?.pass).toBe(true);
    expect(over.find((b) => b.id === 'formVsStatic')?.pass).toBe(false);
    const none = evaluateBudgets({ weights: [], lighthouse: null, form: { p99: 41 } });
    expect(none.find((b) => b.id === 'formVsStatic')).toMatchObject({ pass: null, figure: 'no static-page baseline in this run' });
  });
});

describe('msPerExtraPage()', () => {
  it('divides the extra build time by the extra pages between the smallest and largest build', () => {
    const t = (pages: number, totalMs: number) => ({
      label: `${pages}`,
      meetings: 0,
      pages,
      astroMs: totalMs,
      postbuildMs: 0,
      totalMs,
      cpuMs: totalMs / 2,
    });
    expect(msPerExtraPage([t(1000, 20_000), t(100, 2_000)])).toMatchObject({ extraPages: 900, totalMs: 20, cpuMs: 10 });
    expect(msPerExtraPage([t(100, 2_000)])).toBeNull();
  });
});

describe('voiceBytesPerMinute()', () => {
  it('gives each served audio format its bytes per minute of speech over all clips', async () => {
    const { voiceBytesPerMinute } = await import('../../scripts/bench/measureVoice.ts');
    const { clipOutputs } = await import('#src/voice/clipFormats.ts');
    const clip = (seconds: number, bytes: number[]) => ({
      seconds,
      sources: clipOutputs.map((o, i) => ({ src: `/voice/x.${o.ext}`, type: o.type, bytes: bytes[i]! })),
    });
    const rows = voiceBytesPerMinute({ 'a.opus': clip(30, [60_000, 90_000]), 'b.m4a': clip(90, [180_000, 270_000]) });
    expect(rows.map((r) => [r.type, r.clips, r.seconds, r.bytesPerMinute])).toEqual([
      [clipOutputs[0]!.type, 2, 120, 120_000],
      [clipOutputs[1]!.type, 2, 120, 180_000],
    ]);
  });
});
