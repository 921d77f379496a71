import { describe, expect, it } from 'vitest';
import { calendarItems, weekMondays } from '#src/calendar/calendarItems.ts';
import type { Session } from '#src/calendar/sessionSchema.ts';
import type { LocalEvent } from '#src/calendar/eventSchema.ts';
import type { Meeting } from '#src/meetings/meetingSchema.ts';
import { sessionDays } from '#src/calendar/sessionText.ts';

const practicals = { interpreters: [], childcare: true, womenOnly: true, free: true, bringFriend: true };
const session: Session = {
  ...practicals,
  activity: 'network-health',
  title: { da: 'Kvindegruppe' },
  venue: 'hall',
  start: '10:00',
  end: '12:00',
  weekdays: ['tuesday', 'thursday'],
  everyWeeks: 1,
  from: '2027-03-01',
  skip: [],
  cancelledDates: [{ date: '2027-03-04' }],
  cancelled: false,
};
const event: LocalEvent = {
  ...practicals,
  womenOnly: false,
  families: true,
  title: { da: 'Eid-fest' },
  venue: 'hall',
  date: '2027-03-03',
  start: '15:00',
  end: '19:00',
  cancelled: false,
};
const meeting: Meeting = {
  ...practicals,
  start: '2027-03-02T09:00:00+01:00',
  end: '2027-03-02T11:00:00+01:00',
  venue: 'hall',
  cancelled: true,
};

describe('calendarItems()', () => {
  const items = calendarItems(
    { meetings: [{ id: 'm', data: meeting }], sessions: [{ id: 's', data: session }], events: [{ id: 'e', data: event }] },
    '2027-03-01',
    '2027-03-07',
  );

  it('puts meetings, sessions and events in one list in date and time order', () => {
    expect(items.map((i) => i.key)).toEqual(['meeting-m', 'session-s-2027-03-02', 'event-e', 'session-s-2027-03-04']);
  });

  it('marks what is cancelled and links each kind to its page', () => {
    expect(items.map((i) => i.cancelled)).toEqual([true, false, false, true]);
    expect(items.map((i) => i.path)).toEqual(['meetings/m/', 'activities/network-health/', 'calendar/', 'activities/network-health/']);
    expect(items[2]!.practicals.families).toBe(true);
  });

  it('leaves out what falls outside the dates asked for', () => {
    expect(calendarItems({ meetings: [], sessions: [], events: [{ id: 'e', data: event }] }, '2027-03-04', '2027-03-10')).toEqual([]);
  });
});

describe('weekMondays()', () => {
  it('starts on the Monday of the Copenhagen week, even late on Sunday night in UTC terms', () => {
    expect(weekMondays(new Date('2027-03-07T23:30:00Z'), 2)).toEqual(['2027-03-08', '2027-03-15']);
    expect(weekMondays(new Date('2027-03-07T22:30:00Z'), 1)).toEqual(['2027-03-01']);
  });
});

describe('sessionDays()', () => {
  it("says the rhythm in her language, with the weekdays' names from Intl", () => {
    expect(sessionDays(session, 'da')).toBe('Hver tirsdag og torsdag');
    expect(sessionDays({ ...session, weekdays: ['tuesday'], everyWeeks: 2 }, 'en')).toBe('Every other Tuesday');
    expect(sessionDays({ ...session, weekdays: ['tuesday'] }, 'fa')).toBe('هر سه‌شنبه');
  });
});
