/**
 * The information meetings a partner can put on a flyer (coming and not cancelled at build
 * time), with their words in every language, from the same meeting files as the site.
 */
import { langs, type Lang } from '#src/i18n/locales.ts';
import { formatMeetingDate, formatMeetingTimes } from '#src/meetings/formatMeetingDate.ts';
import { loadMeetings } from '#src/meetings/loadMeetings.ts';
import { meetingFeatures, meetingTitle } from '#src/meetings/meetingDetails.ts';
import { venueAddress } from '#src/meetings/venueAddress.ts';

export interface FlyerMeetingText {
  /** The meeting's title, or "Information meeting". */
  title: string;
  /** "torsdag den 14. januar 2027". */
  date: string;
  /** "17.00–19.00". */
  time: string;
  /** 'ltr' when the time is digits only ("17:00–19:00" in Arabic): isolated, it cannot flip to "19:00–17:00". */
  timeDir: 'ltr' | undefined;
  /** The venue's name (a proper name, the same in every language). */
  place: string;
  /** Street, postcode and town. */
  address: string;
  /** What she may wonder about: childcare, interpreters, free … joined into one line. */
  features: string;
}

export interface FlyerMeeting {
  /** The meeting's file name: the `meeting=` option. */
  id: string;
  /** When it ends (ms since 1970): the generator stops offering it then. */
  end: number;
  /** Its words, per language. */
  text: Record<Lang, FlyerMeetingText>;
}

// Each flyer page and partner letter asks for every meeting in every language: with 1000 meetings that was
// most of the build. A build's meetings do not change while it runs, so a build works them out once;
// the dev server reloads content, so there it is done on every call.
let built: Promise<FlyerMeeting[]> | undefined;

/** The meetings to offer, soonest first; none when content/meetings/ has no coming meeting. */
export function flyerMeetings(): Promise<FlyerMeeting[]> {
  if (!import.meta.env.PROD) return offeredMeetings();
  built ??= offeredMeetings();
  return built;
}

async function offeredMeetings(): Promise<FlyerMeeting[]> {
  const { upcoming, venues } = await loadMeetings();
  return upcoming
    .filter((m) => !m.data.cancelled)
    .map((m) => {
      const venue = venues.get(m.data.venue)!;
      const start = new Date(m.data.start);
      const end = new Date(m.data.end);
      const textIn = (lang: Lang): FlyerMeetingText => {
        const time = formatMeetingTimes(start, end, lang);
        return {
          title: meetingTitle(m.data, lang),
          date: formatMeetingDate(start, lang),
          time,
          timeDir: /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/.test(time) ? undefined : 'ltr',
          place: venue.name,
          address: venueAddress(venue),
          features: meetingFeatures(m.data, lang)
            .map((f) => f.text)
            .join(' · '),
        };
      };
      return {
        id: m.id,
        end: end.getTime(),
        text: Object.fromEntries(langs.map((l) => [l, textIn(l)])) as Record<Lang, FlyerMeetingText>,
      };
    });
}

/** How the generator's meeting list names a meeting, in the partner's language. */
export function meetingChoiceLabel(meeting: FlyerMeeting, lang: Lang): string {
  const text = meeting.text[lang];
  return `${text.date}, ${text.time} – ${text.place}`;
}
