import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import ICAL from 'ical.js';
import { meetingsIcs } from '#src/calendar/meetingsIcs.ts';
import { upcomingMeetings } from '#src/meetings/upcomingMeetings.ts';
import { meetingSchema } from '#src/meetings/meetingSchema.ts';
import { venueSchema } from '#src/meetings/venueSchema.ts';
import { readYamlDir, yamlIds } from '#src/contentLoaders/readYamlDir.ts';

const dir = fileURLToPath(new URL('../fixtures/content/good/', import.meta.url));
const venues = new Map(readYamlDir(`${dir}venues`, venueSchema).map((v) => [v.id, v.data]));
const meetings = readYamlDir(`${dir}meetings`, meetingSchema({ venueIds: new Set(yamlIds(`${dir}venues`)) }));
const site = { name: 'Åben Dør', siteUrl: 'https://aabendoer.example.dk', phone: '+4543970000' };
const dtstamp = new Date('2026-11-01T09:00:00Z');

function events(ics: string) {
  return new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
}

describe('meetingsIcs()', () => {
  it('gives the winter meeting its start in UTC: 17:00 Copenhagen = 16:00Z', () => {
    const [winter] = events(meetingsIcs([meetings[0]!], venues, 'da', site, dtstamp));
    expect(winter!.startDate.toJSDate().toISOString()).toBe('2026-12-03T16:00:00.000Z');
    expect(winter!.endDate.toJSDate().toISOString()).toBe('2026-12-03T18:00:00.000Z');
  });

  it('gives the summer meeting its start in UTC: 10:00 Copenhagen = 08:00Z', () => {
    const [, summer] = events(meetingsIcs(meetings, venues, 'da', site, dtstamp, { feed: true }));
    expect(summer!.startDate.toJSDate().toISOString()).toBe('2027-06-10T08:00:00.000Z');
  });

  it("writes the summary and description in the feed's language", () => {
    const [winter, summer] = events(meetingsIcs(meetings, venues, 'fa', site, dtstamp, { feed: true }));
    expect(winter!.summary).toBe('جلسه اطلاع‌رسانی زمستان');
    expect(winter!.description).toContain('مترجم:');
    expect(winter!.description).toContain('https://aabendoer.example.dk/fa/meetings/2026-12-03-winter/');
    expect(summer!.summary).toBe('لغو شد: جلسهٔ اطلاع‌رسانی');
  });

  it('has the same UID in every language, so a phone never shows a meeting twice', () => {
    const uids = ['da', 'ar', 'so'].map((lang) => events(meetingsIcs(meetings, venues, lang as 'da', site, dtstamp)).map((e) => e.uid));
    expect(uids[0]).toEqual(['2026-12-03-winter@aabendoer.example.dk', '2027-06-10-summer@aabendoer.example.dk']);
    expect(uids[1]).toEqual(uids[0]);
    expect(uids[2]).toEqual(uids[0]);
  });

  it('marks the cancelled meeting CANCELLED', () => {
    const ics = meetingsIcs(meetings, venues, 'en', site, dtstamp);
    const statuses = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((c) => c.getFirstPropertyValue('status'));
    expect(statuses).toEqual(['CONFIRMED', 'CANCELLED']);
  });

  it('names the feed in its language', () => {
    const cal = new ICAL.Component(ICAL.parse(meetingsIcs(meetings, venues, 'ar', site, dtstamp, { feed: true })));
    expect(cal.getFirstPropertyValue('x-wr-calname')).toBe('Åben Dør: لقاءات تعريفية');
  });
});

describe('upcomingMeetings()', () => {
  it('keeps a meeting until its end and sorts by start', () => {
    const justBeforeEnd = new Date('2026-12-03T17:59:00Z');
    const justAfterEnd = new Date('2026-12-03T18:00:00Z');
    expect(upcomingMeetings(meetings, justBeforeEnd).map((m) => m.id)).toEqual(['2026-12-03-winter', '2027-06-10-summer']);
    expect(upcomingMeetings(meetings, justAfterEnd).map((m) => m.id)).toEqual(['2027-06-10-summer']);
    expect(upcomingMeetings(meetings, justAfterEnd, { skipCancelled: true })).toEqual([]);
  });
});
