import { describe, expect, it } from 'vitest';
import { builtFileOf, discoverPageTypes, missingPath } from '../../scripts/bench/discoverPageTypes.ts';
import { localTime, readMeetingTemplate, syntheticMeetings } from '../../scripts/bench/syntheticMeetings.ts';
import { meetingSchema } from '#src/meetings/meetingSchema.ts';
import { yamlIds } from '#src/contentLoaders/readYamlDir.ts';
import { parse } from 'yaml';
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
    expect(found.notFound).toBeNull();
  });

  it('finds every page type of issue 26, the 404 page at a missing address under the language', () => {
    const all = [
      ...pages,
      '/404.html',
      '/da/calendar/',
      '/da/family/',
      '/da/flyer/',
      '/da/flyer/print/',
      '/da/interest/',
      '/da/partners/',
      '/da/partners/refer/',
      '/da/partners/refer/thanks/',
      '/da/privacy/',
      '/da/staff/',
    ];
    const found = discoverPageTypes(all, 'da');
    expect(found).toMatchObject({
      calendar: 'calendar/',
      family: 'family/',
      flyer: 'flyer/',
      refer: 'partners/refer/',
      privacy: 'privacy/',
      notFound: missingPath,
    });
    expect(Object.values(found).every((p) => p !== null)).toBe(true);
    expect(builtFileOf('notFound', `/ar/${missingPath}`)).toBe('404.html');
    expect(builtFileOf('flyer', '/ar/flyer/')).toBe('ar/flyer/index.html');
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
