import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { readdirSync } from 'node:fs';
import { sessionSchema } from '#src/calendar/sessionSchema.ts';
import { eventSchema } from '#src/calendar/eventSchema.ts';
import { parseYamlEntry, readYamlDir, yamlIds } from '#src/contentLoaders/readYamlDir.ts';

const ctx = { venueIds: new Set(['hall']), activityIds: new Set(['network-health', 'guidance']) };
const sessions = sessionSchema(ctx);
const events = eventSchema(ctx);
const base = `activity: network-health
title: { da: Kvindegruppe }
venue: hall
start: "10:00"
end: "12:00"
weekdays: [tuesday]
from: 2027-03-02
until: 2027-06-29
`;

function sessionProblems(yaml: string): string[] {
  const r = parseYamlEntry('content/sessions/x.yaml', yaml, sessions);
  return r.ok ? [] : r.problems;
}

describe('sessionSchema', () => {
  it('accepts a plain weekly session and fills in the defaults', () => {
    const r = parseYamlEntry('x.yaml', base, sessions);
    expect(r.ok && r.data).toMatchObject({
      everyWeeks: 1,
      skip: [],
      cancelledDates: [],
      cancelled: false,
      childcare: false,
      interpreters: [],
    });
  });

  it('names the file and the end field when the session ends before it starts', () => {
    expect(sessionProblems(base.replace('end: "12:00"', 'end: "09:30"'))).toEqual([
      'content/sessions/x.yaml: end: the session ends (09:30) before it starts (10:00): the end must be later the same day',
    ]);
  });

  it('names the weekdays field and lists the weekdays for an unknown weekday', () => {
    expect(sessionProblems(base.replace('[tuesday]', '[tuesday, tirsdag]'))).toEqual([
      'content/sessions/x.yaml: weekdays.1: unknown weekday "tirsdag" (write one of: monday, tuesday, wednesday, thursday, friday, saturday, sunday)',
    ]);
  });

  it('names the until field when the series ends before it begins', () => {
    expect(sessionProblems(base.replace('until: 2027-06-29', 'until: 2027-01-05'))).toEqual([
      'content/sessions/x.yaml: until: the series ends (2027-01-05) before it begins (from 2027-03-02)',
    ]);
  });

  it("names the skip date that is not on the series' weekday", () => {
    expect(sessionProblems(`${base}skip:\n  - date: 2027-03-09\n  - date: 2027-03-10\n`)).toEqual([
      'content/sessions/x.yaml: skip.1.date: 2027-03-10 is a wednesday, but the series is on tuesday',
    ]);
  });

  it('names a skip date on the right weekday that every-other-week never reaches', () => {
    expect(sessionProblems(`${base}everyWeeks: 2\nskip:\n  - date: 2027-03-09\n`)).toEqual([
      expect.stringMatching(/^content\/sessions\/x\.yaml: skip\.0\.date: 2027-03-09 is not one of the series' dates/),
    ]);
  });

  it('names the venue field for an unknown venue and the activity field for an unknown activity', () => {
    expect(sessionProblems(base.replace('venue: hall', 'venue: town-hall').replace('activity: network-health', 'activity: yoga'))).toEqual([
      'content/sessions/x.yaml: activity: unknown activity "yoga": there is no content/activities/da/yoga (known: guidance, network-health)',
      'content/sessions/x.yaml: venue: unknown venue "town-hall": there is no content/venues/town-hall (known: hall)',
    ]);
  });

  it('requires the Danish title and a real date', () => {
    expect(sessionProblems(base.replace('{ da: Kvindegruppe }', '{ ar: مجموعة }').replace('from: 2027-03-02', 'from: 2027-02-30'))).toEqual(
      [
        expect.stringMatching(/^content\/sessions\/x\.yaml: title\.da: the Danish title is missing/),
        'content/sessions/x.yaml: from: "2027-02-30" is not a real date like 2027-03-23',
      ],
    );
  });

  it('refuses a misspelt field, naming the fields it may have', () => {
    expect(sessionProblems(`${base}childcar: true\n`)[0]).toMatch(
      /^content\/sessions\/x\.yaml: \(whole file\): unknown field\(s\) "childcar"/,
    );
  });
});

describe('eventSchema', () => {
  const event = 'title: { da: Eid-fest }\nvenue: hall\ndate: 2027-03-13\nstart: "15:00"\nend: "19:00"\n';
  const problems = (yaml: string) => {
    const r = parseYamlEntry('content/events/x.yaml', yaml, events);
    return r.ok ? [] : r.problems;
  };

  it('accepts a one-off event open to families', () => {
    expect(problems(`${event}families: true\nactivity: network-health\n`)).toEqual([]);
  });

  it('names the end field, an unknown activity and an unknown venue', () => {
    expect(problems(event.replace('end: "19:00"', 'end: "14:00"').replace('venue: hall', 'venue: x') + 'activity: party\n')).toEqual([
      'content/events/x.yaml: activity: unknown activity "party": there is no content/activities/da/party (known: guidance, network-health)',
      'content/events/x.yaml: venue: unknown venue "x": there is no content/venues/x (known: hall)',
      'content/events/x.yaml: end: the event ends (14:00) before it starts (15:00): the end must be later the same day',
    ]);
  });

  it('refuses an event that is both open to families and for women only', () => {
    expect(problems(`${event}families: true\nwomenOnly: true\n`)).toEqual([
      expect.stringMatching(/^content\/events\/x\.yaml: womenOnly: /),
    ]);
  });
});

describe('the demo sessions and events', () => {
  const root = fileURLToPath(new URL('../../content/', import.meta.url));
  const real = {
    venueIds: new Set(yamlIds(`${root}venues`)),
    activityIds: new Set(readdirSync(`${root}activities/da`).map((f) => f.replace(/\.mdx?$/, ''))),
  };

  it('are all valid, so their skip and cancelled dates fall on their weekdays', () => {
    expect(readYamlDir(`${root}sessions`, sessionSchema(real)).map((s) => s.id)).toEqual([
      'aaben-cafe',
      'kvindegruppe',
      'madklub',
      'motion',
    ]);
    expect(readYamlDir(`${root}events`, eventSchema(real)).length).toBeGreaterThanOrEqual(2);
  });
});
