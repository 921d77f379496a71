/**
 * The calendar files: one meeting (`/<lang>/meetings/<id>.ics`) or the feed of a language
 * (`/<lang>/meetings.ics`), with summary and description in that language.
 */
import type { Lang } from '#src/i18n/locales.ts';
import { localizedUrl } from '#src/i18n/localizedUrl.ts';
import { t } from '#src/i18n/translate.ts';
import type { Venue } from '#src/meetings/venueSchema.ts';
import { formatPhone } from '#src/site/contactLinks.ts';
import { icsCalendar, type IcsEvent } from './calendarIcs.ts';
import { textFor, type LocalizedText } from '#src/i18n/localizedText.ts';
import { meetingFeatures, meetingTitle, type Practicals } from '#src/meetings/meetingDetails.ts';
import { meetingEnd, meetingStart, type MeetingEntry } from '#src/meetings/upcomingMeetings.ts';
import { localDigits } from '#src/i18n/localDigits.ts';
import { venueAddress } from '#src/meetings/venueAddress.ts';

export interface IcsSite {
  /** The site's name (calendar name, PRODID). */
  name: string;
  /** https://… : the UID's domain and the links back to the meeting page. */
  siteUrl: string;
  /** The phone staff answer, for "Questions? Call …". */
  phone: string;
}

/**
 * What a VEVENT says, the same for a meeting, a weekly session and an event: summary (marked when
 * cancelled), description (the notice, practicals, notes, directions, whom to call, the link),
 * location and link.
 */
export function icsTexts(
  item: Practicals & { notes?: LocalizedText | undefined; cancelled: boolean },
  { title, notice, phone }: { title: string; notice?: string | undefined; phone: string },
  venue: Venue,
  lang: Lang,
  url: string,
): Pick<IcsEvent, 'summary' | 'description' | 'location' | 'geo' | 'url' | 'cancelled'> {
  const description = [
    notice,
    meetingFeatures(item, lang)
      .map((f) => f.text)
      .join('. '),
    textFor(item.notes, lang)?.text,
    textFor(venue.directions, lang)?.text,
    t(lang, 'meetings.questions', { phone }),
    t(lang, 'meetings.moreInfo', { url }),
  ].filter(Boolean);
  return {
    summary: item.cancelled ? `${t(lang, 'meetings.cancelled')}: ${title}` : title,
    description: description.join('\n\n'),
    location: `${venue.name}, ${venueAddress(venue)}`,
    geo: venue.coordinates,
    url,
    cancelled: item.cancelled,
  };
}

/** One VEVENT: UID `<id>@<site host>`, the same in every language, so it never doubles up. */
export function meetingIcsEvent(meeting: MeetingEntry, venue: Venue, lang: Lang, site: IcsSite): IcsEvent {
  const { data } = meeting;
  const url = new URL(localizedUrl(lang, `meetings/${meeting.id}/`), site.siteUrl).href;
  const notice = data.cancelled ? t(lang, 'meetings.cancelledNotice') : undefined;
  const phone = localDigits(formatPhone(site.phone), lang);
  return {
    uid: `${meeting.id}@${new URL(site.siteUrl).hostname}`,
    start: meetingStart(meeting),
    end: meetingEnd(meeting),
    ...icsTexts(data, { title: meetingTitle(data, lang), notice, phone }, venue, lang, url),
  };
}

/** A whole calendar file for `meetings` in `lang`. `dtstamp` is when the file was made (the build). */
export function meetingsIcs(
  meetings: readonly MeetingEntry[],
  venues: ReadonlyMap<string, Venue>,
  lang: Lang,
  site: IcsSite,
  dtstamp: Date,
  { feed = false } = {},
): string {
  const events = meetings.map((m) => {
    const venue = venues.get(m.data.venue);
    if (!venue) throw new Error(`meetings/${m.id}: venue "${m.data.venue}" not found`);
    return meetingIcsEvent(m, venue, lang, site);
  });
  return icsCalendar(events, {
    prodId: `-//${site.name}//meetings//${lang.toUpperCase()}`,
    dtstamp,
    // A feed gets a name and tells subscribed phones to look again twice a day.
    ...(feed ? { name: t(lang, 'meetings.calendarName', { site: site.name }), refreshSeconds: 12 * 3600 } : {}),
  });
}
