import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { copenhagenDate, copenhagenInstant, weekdayOf } from '#src/calendar/copenhagenTime.ts';
import { firstSessionDate, sessionOccurrences } from '#src/calendar/sessionOccurrences.ts';
import { calendarFeed } from '#src/calendar/calendarFeed.ts';
import type { Session } from '#src/calendar/sessionSchema.ts';
import { formatMeetingDate, formatMeetingTimes } from '#src/meetings/formatMeetingDate.ts';
import { formatTime } from '#src/i18n/translate.ts';
import type { Venue } from '#src/meetings/venueSchema.ts';

// The women's group every Tuesday 10–12 through both 2027 clock changes (28 March and 31 October).
const session: Session = {
  activity: 'network-health',
  title: { da: 'Kvindegruppe', fa: 'گروه زنان' },
  venue: 'hall',
  start: '10:00',
  end: '12:00',
  weekdays: ['tuesday'],
  everyWeeks: 1,
  from: '2027-03-10',
  until: '2027-11-16',
  skip: [{ date: '2027-03-30' }],
  cancelledDates: [{ date: '2027-10-26', reason: { da: 'Kursus' } }],
  cancelled: false,
  interpreters: ['ar'],
  childcare: true,
  womenOnly: true,
  free: true,
  bringFriend: false,
};
const venue: Venue = {
  name: 'Beboerhuset',
  address: { street: 'Eksempelvej 12', postalCode: '2670', city: 'Greve' },
  coordinates: { lat: 55.59, lon: 12.29 },
  directions: { da: 'Gå gennem gården.' },
};
const site = { name: 'Åben Dør', siteUrl: 'https://aabendoer.example.dk', phone: '+4543970000' };

describe('copenhagenInstant()', () => {
  it('turns the same wall time into 09:00Z in winter and 08:00Z in summer', () => {
    expect(copenhagenInstant('2027-03-23', '10:00').toISOString()).toBe('2027-03-23T09:00:00.000Z');
    expect(copenhagenInstant('2027-03-30', '10:00').toISOString()).toBe('2027-03-30T08:00:00.000Z');
    expect(copenhagenInstant('2027-10-26', '10:00').toISOString()).toBe('2027-10-26T08:00:00.000Z');
    expect(copenhagenInstant('2027-11-02', '10:00').toISOString()).toBe('2027-11-02T09:00:00.000Z');
  });

  it('is right on the switch days themselves, and copenhagenDate() reads it back', () => {
    expect(copenhagenInstant('2027-03-28', '03:30').toISOString()).toBe('2027-03-28T01:30:00.000Z');
    expect(copenhagenInstant('2027-10-31', '23:30').toISOString()).toBe('2027-10-31T22:30:00.000Z');
    expect(copenhagenDate(new Date('2027-10-31T23:30:00Z'))).toBe('2027-11-01');
    expect(weekdayOf('2027-03-28')).toBe('sunday');
  });
});

describe('sessionOccurrences()', () => {
  const all = sessionOccurrences(session, '2027-01-01', '2028-12-31');

  it('starts on the first Tuesday on or after `from` and stops at `until`', () => {
    expect(firstSessionDate(session)).toBe('2027-03-16');
    expect(all[0]!.date).toBe('2027-03-16');
    expect(all.at(-1)!.date).toBe('2027-11-16');
  });

  it('leaves out the skip date and keeps the cancelled date, marked, with its reason', () => {
    expect(all.map((o) => o.date)).not.toContain('2027-03-30');
    const cancelled = all.filter((o) => o.cancelled);
    expect(cancelled.map((o) => [o.date, o.reason?.da])).toEqual([['2027-10-26', 'Kursus']]);
  });

  it('keeps 10:00–12:00 Copenhagen time on both sides of each clock change', () => {
    for (const o of all) expect(formatMeetingTimes(o.start, o.end, 'da')).toBe('10.00–12.00');
    expect(all.find((o) => o.date === '2027-03-23')!.start.toISOString()).toBe('2027-03-23T09:00:00.000Z');
    expect(all.find((o) => o.date === '2027-04-06')!.start.toISOString()).toBe('2027-04-06T08:00:00.000Z');
  });

  it('follows every other week from the first session', () => {
    const fortnightly = sessionOccurrences({ ...session, everyWeeks: 2, skip: [], cancelledDates: [] }, '2027-03-01', '2027-04-30');
    expect(fortnightly.map((o) => o.date)).toEqual(['2027-03-16', '2027-03-30', '2027-04-13', '2027-04-27']);
  });

  it('marks every date of a cancelled series', () => {
    expect(sessionOccurrences({ ...session, cancelled: true }, '2027-04-01', '2027-04-30').every((o) => o.cancelled)).toBe(true);
  });
});

describe('the calendar file of a session, expanded by ical.js', () => {
  const ics = calendarFeed(
    { meetings: [], sessions: [{ id: 'kvindegruppe', data: session }], events: [] },
    new Map([['hall', venue]]),
    'fa',
    site,
    new Date('2027-01-01T00:00:00Z'),
    { name: 'Test' },
  );
  const vcal = new ICAL.Component(ICAL.parse(ics));
  for (const tz of vcal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  const vevents = vcal.getAllSubcomponents('vevent');
  const event = new ICAL.Event(vevents[0]!);
  const expanded: Date[] = [];
  const it_ = event.iterator();
  for (let next = it_.next(); next && expanded.length < 100; next = it_.next()) expanded.push(next.toJSDate());

  it('is ONE VEVENT with RRULE and EXDATE in Europe/Copenhagen', () => {
    expect(vevents).toHaveLength(1);
    expect(event.isRecurring()).toBe(true);
    expect(event.startDate.zone.tzid).toBe('Europe/Copenhagen');
    expect(event.summary).toBe('گروه زنان');
  });

  it('gives exactly the dates the page shows, skip and cancelled dates left out, nothing after `until`', () => {
    const page = sessionOccurrences(session, '2027-01-01', '2028-12-31').filter((o) => !o.cancelled);
    expect(expanded.map((d) => d.toISOString())).toEqual(page.map((o) => o.start.toISOString()));
  });

  it('shows 10:00 Copenhagen time the week before and after the last Sunday of March and of October', () => {
    const around = expanded.filter((d) => ['2027-03-23', '2027-04-06', '2027-10-19', '2027-11-02'].includes(copenhagenDate(d)));
    expect(around.map((d) => d.toISOString())).toEqual([
      '2027-03-23T09:00:00.000Z',
      '2027-04-06T08:00:00.000Z',
      '2027-10-19T08:00:00.000Z',
      '2027-11-02T09:00:00.000Z',
    ]);
    expect(new Set(expanded.map((d) => formatTime(d, 'da')))).toEqual(new Set(['10.00']));
  });
});

describe('dates in Farsi, Arabic and Urdu', () => {
  // Tuesday 30 March 2027, the week after summer time begins: the same Gregorian day in every language.
  const start = copenhagenInstant('2027-03-30', '10:00');

  it('name the same weekday, day, month and year as the Danish date', () => {
    expect(formatMeetingDate(start, 'da')).toBe('tirsdag den 30. marts 2027');
    expect(formatMeetingDate(start, 'fa')).toBe('سه‌شنبه ۳۰ مارس ۲۰۲۷');
    expect(formatMeetingDate(start, 'ar')).toBe('الثلاثاء، 30 مارس 2027');
    expect(formatMeetingDate(start, 'ur')).toBe('منگل، 30 مارچ، 2027');
  });

  it('never fall back to the Persian solar calendar in Farsi', () => {
    expect(formatMeetingDate(start, 'fa')).not.toMatch(/فروردین|۱۴۰۶/);
  });
});
