import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { meetingSchema, meetingTimeProblem, copenhagenOffset } from '#src/meetings/meetingSchema.ts';
import { venueSchema } from '#src/meetings/venueSchema.ts';
import { ContentError, parseYamlEntry, readYamlDir, yamlIds } from '#src/contentLoaders/readYamlDir.ts';

const fixtures = fileURLToPath(new URL('../fixtures/content/', import.meta.url));
const schema = meetingSchema({ venueIds: new Set(['fixture-hall']) });
const base = { start: '2026-12-03T17:00:00+01:00', end: '2026-12-03T19:00:00+01:00', venue: 'fixture-hall' };

function problemsOf(yaml: string): string[] {
  const result = parseYamlEntry('content/meetings/x.yaml', yaml, schema);
  return result.ok ? [] : result.problems;
}

describe('meetingSchema', () => {
  it('accepts a full meeting and defaults the flags to false', () => {
    const m = schema.parse({ ...base, interpreters: ['ar', 'fa-AF'], title: { da: 'Møde', ar: 'اجتماع' } });
    expect(m).toMatchObject({ childcare: false, womenOnly: false, free: false, bringFriend: false, cancelled: false });
    expect(m.interpreters).toEqual(['ar', 'fa-AF']);
  });

  it('keeps an unquoted YAML time as the string staff wrote (no silent UTC Date)', () => {
    const r = parseYamlEntry('x.yaml', 'start: 2026-12-03T17:00:00+01:00\nend: 2026-12-03T19:00:00+01:00\nvenue: fixture-hall\n', schema);
    expect(r.ok && r.data.start).toBe('2026-12-03T17:00:00+01:00');
  });

  it('names the file and the end field when the meeting ends before it starts', () => {
    expect(problemsOf('start: 2026-12-03T17:00:00+01:00\nend: 2026-12-03T16:00:00+01:00\nvenue: fixture-hall\n')).toEqual([
      expect.stringMatching(/^content\/meetings\/x\.yaml: end: the meeting ends .* before it starts/),
    ]);
  });

  it('names the venue field and lists the known venues for an unknown venue', () => {
    expect(problemsOf('start: 2026-12-03T17:00:00+01:00\nend: 2026-12-03T19:00:00+01:00\nvenue: town-hall\n')).toEqual([
      'content/meetings/x.yaml: venue: unknown venue "town-hall": there is no content/venues/town-hall.yaml (known venues: fixture-hall)',
    ]);
  });

  it('refuses a time without a time zone and shows how to write it', () => {
    const [problem] = problemsOf('start: 2026-12-03T17:00:00\nend: 2026-12-03T19:00:00+01:00\nvenue: fixture-hall\n');
    expect(problem).toMatch(/^content\/meetings\/x\.yaml: start: "2026-12-03T17:00:00" has no time zone/);
    expect(problem).toContain('2026-12-03T17:00:00+01:00');
  });

  it("refuses an offset that is not Copenhagen's on that day (summer time written as winter time)", () => {
    expect(meetingTimeProblem('2027-06-10T10:00:00+01:00')).toMatch(/Copenhagen is at \+02:00 .*summer.*2027-06-10T10:00:00\+02:00/);
    expect(meetingTimeProblem('2027-06-10T08:00:00Z')).toBeUndefined();
  });

  it('refuses dates that do not exist', () => {
    expect(meetingTimeProblem('2027-02-30T10:00:00+01:00')).toMatch(/not a real date/);
    expect(meetingTimeProblem('next tuesday')).toMatch(/not a date and time/);
  });

  it('names title.<code> for an unknown language code and interpreters.<n> for an unknown interpreter language', () => {
    const problems = problemsOf(
      'start: 2026-12-03T17:00:00+01:00\nend: 2026-12-03T19:00:00+01:00\nvenue: fixture-hall\ninterpreters: [ar, xx]\ntitle:\n  da: Møde\n  klingon: x\n',
    );
    expect(problems).toContainEqual(expect.stringMatching(/^content\/meetings\/x\.yaml: interpreters\.1: unknown language code "xx"/));
    expect(problems).toContainEqual(
      expect.stringMatching(
        /^content\/meetings\/x\.yaml: title\.klingon: unknown language code "klingon" \(the site's languages are: da, en, ar/,
      ),
    );
  });

  it('requires the Danish title when a title is given', () => {
    expect(
      problemsOf('start: 2026-12-03T17:00:00+01:00\nend: 2026-12-03T19:00:00+01:00\nvenue: fixture-hall\ntitle:\n  ar: اجتماع\n'),
    ).toEqual([expect.stringMatching(/^content\/meetings\/x\.yaml: title\.da: the Danish title is missing/)]);
  });

  it('catches a misspelt field instead of silently ignoring it', () => {
    expect(problemsOf(`start: ${base.start}\nend: ${base.end}\nvenue: fixture-hall\nchildCare: true\n`)).toEqual([
      expect.stringMatching(/^content\/meetings\/x\.yaml: \(whole file\): unknown field\(s\) "childCare"/),
    ]);
  });

  it('says "true or false" for a flag written as yes-in-words', () => {
    expect(problemsOf(`start: ${base.start}\nend: ${base.end}\nvenue: fixture-hall\nchildcare: ja\n`)[0]).toMatch(
      /childcare: must be true or false/,
    );
  });
});

describe('venueSchema', () => {
  it('requires Danish directions and a four-digit postal code', () => {
    const r = venueSchema.safeParse({
      name: 'Hall',
      address: { street: 'Testvej 1', postalCode: 2670, city: 'Greve' },
      coordinates: { lat: 55.6, lon: 12.3 },
      directions: { ar: 'x' },
    });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['address.postalCode', 'directions.da']));
  });
});

describe('copenhagenOffset()', () => {
  it('is +01:00 in winter and +02:00 in summer', () => {
    expect(copenhagenOffset(new Date('2026-12-03T12:00:00Z'))).toBe('+01:00');
    expect(copenhagenOffset(new Date('2027-06-10T12:00:00Z'))).toBe('+02:00');
  });
});

describe('readYamlDir()', () => {
  it('reads the good fixtures', () => {
    const venues = readYamlDir(`${fixtures}good/venues`, venueSchema, fixtures);
    const meetings = readYamlDir(
      `${fixtures}good/meetings`,
      meetingSchema({ venueIds: new Set(yamlIds(`${fixtures}good/venues`)) }),
      fixtures,
    );
    expect(venues.map((v) => v.id)).toEqual(['fixture-hall']);
    expect(meetings.map((m) => m.id)).toEqual(['2026-12-03-winter', '2027-06-10-summer']);
  });

  it('lists every problem in the broken fixtures, each with its file and field', () => {
    const broken = `${fixtures}broken/`;
    let error: unknown;
    try {
      readYamlDir(`${broken}meetings`, meetingSchema({ venueIds: new Set(yamlIds(`${broken}venues`)) }), fixtures);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ContentError);
    const problems = (error as ContentError).problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^broken\/meetings\/2026-12-03-ends-before-start\.yaml: end: /),
        expect.stringMatching(/^broken\/meetings\/2026-12-04-unknown-venue\.yaml: venue: unknown venue "town-hall"/),
        expect.stringMatching(/^broken\/meetings\/2026-12-05-no-time-zone\.yaml: start: .* has no time zone/),
        expect.stringMatching(/^broken\/meetings\/2026-12-06-unknown-language\.yaml: interpreters\.1: unknown language code "xx"/),
        expect.stringMatching(/^broken\/meetings\/2026-12-06-unknown-language\.yaml: title\.klingon: unknown language code/),
        expect.stringMatching(/^broken\/meetings\/2026-12-07-no-danish-title\.yaml: title\.da: the Danish title is missing/),
      ]),
    );
  });
});
