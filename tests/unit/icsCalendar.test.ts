import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { foldIcsLine, icsCalendar, icsEscapeText, icsUtc, type IcsEvent } from '#src/meetings/icsCalendar.ts';

const dtstamp = new Date('2026-11-01T09:00:00Z');
const event: IcsEvent = {
  uid: '2026-12-03-greve-nord@aabendoer.example',
  start: new Date('2026-12-03T17:00:00+01:00'),
  end: new Date('2026-12-03T19:00:00+01:00'),
  summary: 'اجتماع إعلامي، مع مترجمة; وحضانة',
  description: 'Line one, with comma; semicolon \\ backslash\nLine two: '.concat('ـمرحبا '.repeat(30)),
  location: 'Beboerhuset, Eksempelvej 1, 2670 Greve',
  geo: { lat: 55.5912, lon: 12.2968 },
  url: 'https://aabendoer.example/ar/meetings/2026-12-03-greve-nord/',
};
const ics = icsCalendar([event, { ...event, uid: 'cancelled@x', cancelled: true }], {
  prodId: '-//Test//Meetings//EN',
  dtstamp,
  lang: 'ar',
  name: 'اجتماعات',
  refreshInterval: 'PT12H',
});

describe('icsCalendar()', () => {
  it('parses with ical.js, with the start and end in UTC', () => {
    const vcal = new ICAL.Component(ICAL.parse(ics));
    const first = new ICAL.Event(vcal.getFirstSubcomponent('vevent')!);
    expect(first.startDate.toJSDate().toISOString()).toBe('2026-12-03T16:00:00.000Z');
    expect(first.endDate.toJSDate().toISOString()).toBe('2026-12-03T18:00:00.000Z');
    expect(first.startDate.zone.tzid).toBe('UTC');
  });

  it('round-trips escaped and folded text exactly', () => {
    const vevent = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!;
    expect(vevent.getFirstPropertyValue('summary')).toBe(event.summary);
    expect(vevent.getFirstPropertyValue('description')).toBe(event.description);
    expect(vevent.getFirstProperty('summary')!.getParameter('language')).toBe('ar');
  });

  it('has a stable UID, a DTSTAMP, GEO and a STATUS per event', () => {
    const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent');
    expect(events.map((e) => e.getFirstPropertyValue('uid'))).toEqual([event.uid, 'cancelled@x']);
    expect(String(events[0]!.getFirstPropertyValue('dtstamp'))).toBe('2026-11-01T09:00:00Z');
    expect(events[0]!.getFirstPropertyValue('geo')).toEqual([55.5912, 12.2968]);
    expect(events.map((e) => e.getFirstPropertyValue('status'))).toEqual(['CONFIRMED', 'CANCELLED']);
  });

  it('ends every line with CRLF and keeps every line within 75 octets', () => {
    expect(ics.endsWith('\r\n')).toBe(true);
    const lines = ics.split('\r\n').slice(0, -1);
    expect(lines.every((l) => !l.includes('\n') && !l.includes('\r'))).toBe(true);
    expect(Math.max(...lines.map((l) => Buffer.byteLength(l, 'utf8')))).toBeLessThanOrEqual(75);
    expect(lines.some((l) => l.startsWith(' '))).toBe(true); // the long Arabic text was folded
  });
});

describe('foldIcsLine()', () => {
  it('never splits a multi-byte character, and unfolds to the original', () => {
    const line = 'SUMMARY:' + 'ø€😀ب'.repeat(40);
    const folded = foldIcsLine(line);
    for (const part of folded.split('\r\n')) {
      expect(Buffer.from(part, 'utf8').toString('utf8')).toBe(part); // each piece is whole UTF-8
      expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
    }
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });

  it('leaves a short line alone', () => {
    expect(foldIcsLine('VERSION:2.0')).toBe('VERSION:2.0');
  });
});

describe('icsEscapeText()', () => {
  it('escapes backslash, semicolon, comma and newline', () => {
    expect(icsEscapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
  });
});

describe('icsUtc()', () => {
  it('writes a UTC date-time', () => {
    expect(icsUtc(new Date('2027-06-10T10:00:00+02:00'))).toBe('20270610T080000Z');
  });
});
