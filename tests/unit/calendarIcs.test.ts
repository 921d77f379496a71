import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { icsCalendar, type IcsEvent } from '#src/calendar/calendarIcs.ts';

const dtstamp = new Date('2026-11-01T09:00:00Z');
const event: IcsEvent = {
  uid: '2026-12-03-greve-nord@aabendoer.example',
  start: new Date('2026-12-03T17:00:00+01:00'),
  end: new Date('2026-12-03T19:00:00+01:00'),
  summary: 'اجتماع إعلامي، مع مترجمة; وحضانة',
  description: 'Line one, with comma; semicolon \\ backslash\nLine two: '.concat('ـمرحبا 😀'.repeat(30)),
  location: 'Beboerhuset, Eksempelvej 1, 2670 Greve',
  geo: { lat: 55.5912, lon: 12.2968 },
  url: 'https://aabendoer.example/ar/meetings/2026-12-03-greve-nord/',
};
const ics = icsCalendar([event, { ...event, uid: 'cancelled@x', cancelled: true }], {
  prodId: '-//Test//Meetings//AR',
  dtstamp,
  name: 'اجتماعات، كلها',
  refreshSeconds: 12 * 3600,
});

function parsed(text: string) {
  const vcal = new ICAL.Component(ICAL.parse(text));
  // ical.js resolves TZID through its timezone service: register the file's own VTIMEZONE.
  for (const tz of vcal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return vcal;
}

describe('icsCalendar()', () => {
  it('writes the times as Copenhagen wall time with a VTIMEZONE, and ical.js reads the right instant', () => {
    const vcal = parsed(ics);
    expect(vcal.getFirstSubcomponent('vtimezone')!.getFirstPropertyValue('tzid')).toBe('Europe/Copenhagen');
    const first = new ICAL.Event(vcal.getFirstSubcomponent('vevent')!);
    expect(first.startDate.zone.tzid).toBe('Europe/Copenhagen');
    expect(first.startDate.toString()).toBe('2026-12-03T17:00:00');
    expect(first.startDate.toJSDate().toISOString()).toBe('2026-12-03T16:00:00.000Z');
    expect(first.endDate.toJSDate().toISOString()).toBe('2026-12-03T18:00:00.000Z');
  });

  it('round-trips escaped and folded text exactly', () => {
    const vcal = parsed(ics);
    const vevent = vcal.getFirstSubcomponent('vevent')!;
    expect(vevent.getFirstPropertyValue('summary')).toBe(event.summary);
    expect(vevent.getFirstPropertyValue('description')).toBe(event.description);
    expect(vevent.getFirstPropertyValue('location')).toBe(event.location);
    expect(vcal.getFirstPropertyValue('x-wr-calname')).toBe('اجتماعات، كلها');
  });

  it('has a stable UID, a DTSTAMP in UTC, GEO, a STATUS and a SEQUENCE per event', () => {
    const events = parsed(ics).getAllSubcomponents('vevent');
    expect(events.map((e) => e.getFirstPropertyValue('uid'))).toEqual([event.uid, 'cancelled@x']);
    expect(String(events[0]!.getFirstPropertyValue('dtstamp'))).toBe('2026-11-01T09:00:00Z');
    expect(events[0]!.getFirstPropertyValue('geo')).toEqual([55.5912, 12.2968]);
    expect(events.map((e) => e.getFirstPropertyValue('status'))).toEqual(['CONFIRMED', 'CANCELLED']);
    expect(events.map((e) => e.getFirstPropertyValue('sequence'))).toEqual([0, 1]);
  });

  it('tells subscribed phones to fetch again twice a day', () => {
    expect(ics).toContain('\r\nREFRESH-INTERVAL;VALUE=DURATION:PT12H\r\n');
    expect(ics).toContain('\r\nX-PUBLISHED-TTL:PT12H\r\n');
  });

  it('ends every line with CRLF, keeps every line within 75 octets and never splits a character', () => {
    expect(ics.endsWith('\r\n')).toBe(true);
    const lines = ics.split('\r\n').slice(0, -1);
    expect(lines.every((l) => !l.includes('\n') && !l.includes('\r'))).toBe(true);
    expect(Math.max(...lines.map((l) => Buffer.byteLength(l, 'utf8')))).toBeLessThanOrEqual(75);
    for (const line of lines) expect(Buffer.from(line, 'utf8').toString('utf8')).toBe(line); // whole UTF-8, no lone surrogate
    expect(lines.some((l) => l.startsWith(' '))).toBe(true); // the long Arabic text was folded
  });

  it('writes a weekly series as one VEVENT with RRULE, UNTIL in UTC and EXDATE in Copenhagen time', () => {
    const series = icsCalendar(
      [
        {
          ...event,
          uid: 'session-x@x',
          start: new Date('2027-03-02T10:00:00+01:00'),
          end: new Date('2027-03-02T12:00:00+01:00'),
          repeat: {
            weekdays: ['tuesday', 'thursday'],
            everyWeeks: 2,
            until: new Date('2027-04-27T10:00:00+02:00'),
            exclude: [new Date('2027-03-16T10:00:00+01:00')],
          },
        },
      ],
      { prodId: '-//Test//Sessions//DA', dtstamp },
    );
    const unfolded = series.replace(/\r\n /g, '');
    expect(unfolded.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(unfolded).toContain('\r\nRRULE:FREQ=WEEKLY;INTERVAL=2;UNTIL=20270427T080000Z;BYDAY=TU,TH;WKST=MO\r\n');
    expect(unfolded).toContain('\r\nEXDATE;TZID=Europe/Copenhagen:20270316T100000\r\n');
  });
});
