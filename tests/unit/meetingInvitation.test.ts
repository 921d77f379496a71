/**
 * The ready message that invites her to the next information meeting (issue 25), in Arabic and
 * Somali: the text, the date in her digits and the Gregorian calendar, and the SMS link.
 */
import { describe, expect, it } from 'vitest';
import { invitationTemplates, meetingInvitation, nextMeetingFor } from '#src/inbox/meetingInvitation.ts';
import { venueMapUrl } from '#src/meetings/venueAddress.ts';
import { langs } from '#src/i18n/locales.ts';
import { smsHref } from '#src/site/contactLinks.ts';
import type { Meeting } from '#src/meetings/meetingSchema.ts';
import type { Venue } from '#src/meetings/venueSchema.ts';

const venue = {
  name: 'Beboerhuset Nord',
  address: { street: 'Eksempelvej 12', postalCode: '2670', city: 'Greve' },
  coordinates: { lat: 55.5905, lon: 12.2961 },
} as Venue;

const meeting = (over: Partial<Meeting> = {}): Meeting =>
  ({
    start: '2027-01-14T17:00:00+01:00',
    end: '2027-01-14T19:00:00+01:00',
    venue: 'beboerhuset-nord',
    interpreters: ['ar', 'so'],
    childcare: true,
    womenOnly: true,
    free: true,
    bringFriend: true,
    cancelled: false,
    ...over,
  }) as Meeting;

const vars = { name: 'Amal', staff: 'Maryam', org: 'Åben Dør' };
const isolate = (s: string) => `\u2068${s}\u2069`;

describe('meetingInvitation()', () => {
  it('in Arabic: the Gregorian date in the Arabic pages’ digits, time, place, map, women only, childcare, interpreter', () => {
    const { lang, text } = meetingInvitation('ar', vars, { id: 'm', meeting: meeting(), venue });
    expect(lang).toBe('ar');
    expect(text).toContain(`مرحبًا ${isolate('Amal')}، أنا ${isolate('Maryam')} من ${isolate('Åben Dør')}.`);
    // 14 January 2027 in Arabic words, Gregorian (يناير), not the Hijri calendar, in the Arabic pages' digits.
    expect(text).toContain(isolate('الخميس، 14 يناير 2027'));
    expect(text).not.toMatch(/[٠-٩]/);
    expect(text).toMatch(/الساعة \u206817:00.19:00\u2069/);
    expect(text).toContain(isolate('Beboerhuset Nord'));
    expect(text).toContain(isolate('Eksempelvej 12, 2670 Greve'));
    expect(text).toContain(`الخريطة: ${isolate('https://www.openstreetmap.org/?mlat=55.5905&mlon=12.2961#map=18/55.5905/12.2961')}`);
    expect(text).toContain('اللقاء للنساء فقط.');
    expect(text).toContain('يوجد من يعتني بهم');
    expect(text).toContain(`سيكون هناك مترجم إلى ${isolate('العربية')}.`);
  });

  it('in Somali: the Gregorian date in Somali words and Western digits, and nothing the meeting does not offer', () => {
    const { lang, text } = meetingInvitation('so', vars, {
      id: 'm',
      meeting: meeting({ womenOnly: false, childcare: false, interpreters: ['ar'] }),
      venue,
    });
    expect(lang).toBe('so');
    expect(text).toMatch(/^Salaan Amal, waxaan ahay Maryam oo ka socda Åben Dør\. Waxaan kugu martiqaadaynaa kulan macluumaad /);
    expect(text).toContain('kulan macluumaad Khamiis, Janaayo 14, 2027, saacadda 17:00–19:00, goobta Beboerhuset Nord');
    expect(text).toContain('saacadda 17:00');
    expect(text).toContain('Khariidad: https://www.openstreetmap.org/?mlat=55.5905&mlon=12.2961');
    expect(text).not.toContain('haweenka oo keliya');
    expect(text).not.toContain('Carruurta');
    expect(text).not.toContain('turjubaan');
  });

  it('in Farsi the date is in Persian digits but the Gregorian calendar (ژانویه, not دی)', () => {
    const { text } = meetingInvitation('fa', vars, { id: 'm', meeting: meeting({ interpreters: ['fa'] }), venue });
    expect(text).toContain(isolate('پنجشنبه ۱۴ ژانویهٔ ۲۰۲۷'));
  });

  it('the SMS link carries the whole Arabic message, URL-encoded, to her number', () => {
    const { text } = meetingInvitation('ar', vars, { id: 'm', meeting: meeting(), venue });
    const href = smsHref('+4522334455', text);
    expect(href.startsWith('sms:+4522334455?body=')).toBe(true);
    expect(decodeURIComponent(href.slice('sms:+4522334455?body='.length))).toBe(text);
    expect(href).not.toMatch(/[\u0600-\u06ff ]/);
  });

  it('the Danish meaning beside it says the same, with the interpreter for her language', () => {
    const { lang, text } = meetingInvitation('so', vars, { id: 'm', meeting: meeting(), venue }, 'da');
    expect(lang).toBe('da');
    expect(text).toContain('torsdag den 14. januar 2027 kl. 17.00');
    expect(text).toContain('Mødet er kun for kvinder. Børn er velkomne: der er børnepasning. Der er tolk på somali.');
  });

  it('a language without its own message gets the Danish one', () => {
    expect(meetingInvitation('ti', vars, { id: 'm', meeting: meeting(), venue }).lang).toBe('da');
  });

  it('every site language has a template, each marked source or machine', () => {
    expect(Object.keys(invitationTemplates).sort()).toEqual([...langs].sort());
    for (const lang of langs) expect(invitationTemplates[lang].translation).toBe(lang === 'da' ? 'source' : 'machine');
  });

  it('venueMapUrl() is a plain OpenStreetMap link to the door', () => {
    expect(venueMapUrl(venue)).toBe('https://www.openstreetmap.org/?mlat=55.5905&mlon=12.2961#map=18/55.5905/12.2961');
  });
});

describe('nextMeetingFor()', () => {
  const entry = (id: string, over: Partial<Meeting>) => ({ id, data: meeting(over) });
  const meetings = [
    entry('past', { start: '2026-01-08T17:00:00+01:00', end: '2026-01-08T19:00:00+01:00' }),
    entry('turkish', { start: '2027-01-07T17:00:00+01:00', end: '2027-01-07T19:00:00+01:00', interpreters: ['tr'] }),
    entry('cancelled', { start: '2027-01-10T17:00:00+01:00', end: '2027-01-10T19:00:00+01:00', cancelled: true }),
    entry('somali', { start: '2027-01-14T17:00:00+01:00', end: '2027-01-14T19:00:00+01:00', interpreters: ['so'] }),
  ];
  const now = new Date('2026-12-01T12:00:00Z');

  it('is the next meeting with an interpreter for her language, never a cancelled or past one', () => {
    expect(nextMeetingFor(meetings, { language: 'so', interpreter: true }, now)?.id).toBe('somali');
    expect(nextMeetingFor(meetings, { language: 'ar', interpreter: true }, now)).toBeUndefined();
  });

  it('is simply the next meeting when she speaks Danish or needs no interpreter', () => {
    expect(nextMeetingFor(meetings, { language: 'da', interpreter: false }, now)?.id).toBe('turkish');
    expect(nextMeetingFor(meetings, { language: 'ar', interpreter: false }, now)?.id).toBe('turkish');
  });
});
