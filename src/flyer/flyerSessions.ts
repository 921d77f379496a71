/**
 * The weekly activities a partner can put on a flyer ("Kvindegruppe hver tirsdag 10.00–12.00"),
 * with their words in every language and a QR code per language to the activity's own page.
 * From the same session files as the site's calendar.
 */
import { langs, type Lang } from '#src/i18n/locales.ts';
import { localizedUrl } from '#src/i18n/localizedUrl.ts';
import { t } from '#src/i18n/translate.ts';
import { buildNow } from '#src/calendar/buildNow.ts';
import { copenhagenDate, copenhagenInstant } from '#src/calendar/copenhagenTime.ts';
import { loadCalendar } from '#src/calendar/loadCalendar.ts';
import { isolatedTimeDir, sessionDays, sessionTimes } from '#src/calendar/sessionText.ts';
import { meetingFeatures } from '#src/meetings/meetingDetails.ts';
import { textFor } from '#src/i18n/localizedText.ts';
import { siteConfig } from '#site.config.ts';
import type { FlyerMeetingText } from './flyerMeetings.ts';
import { qrSvg } from './qrSvg.ts';
import { venueAddress } from '#src/meetings/venueAddress.ts';

export interface FlyerSession {
  /** The session's file name: the `session=` option. */
  id: string;
  /** The activity it belongs to: whose page the QR code opens. */
  activity: string;
  /** When its last day ends (ms since 1970), if it has one: the generator stops offering it then. */
  end?: number;
  /** Its words per language, in the meeting box's shape: the rhythm stands where a meeting's date does. */
  text: Record<Lang, FlyerMeetingText>;
}

export interface FlyerActivityQr {
  /** The activity's slug. */
  activity: string;
  /** Per language: the QR code (inline SVG) and the address printed under it. */
  codes: Record<Lang, { qr: string; urlText: string }>;
}

/** The weekly sessions still going on at build time, and a QR code for each of their activities. */
export async function flyerSessions(): Promise<{ sessions: FlyerSession[]; qrs: FlyerActivityQr[] }> {
  const { sessions, venues } = await loadCalendar();
  const today = copenhagenDate(buildNow());
  const offered = sessions.filter((s) => !s.data.cancelled && (!s.data.until || s.data.until >= today));
  const flyer = offered.map(({ id, data }): FlyerSession => {
    const venue = venues.get(data.venue)!;
    const textIn = (lang: Lang): FlyerMeetingText => {
      const time = sessionTimes(data, lang);
      return {
        title: textFor(data.title, lang)!.text,
        date: sessionDays(data, lang),
        time,
        timeDir: isolatedTimeDir(time),
        place: venue.name,
        address: venueAddress(venue),
        features: meetingFeatures(data, lang)
          .map((f) => f.text)
          .join(' · '),
      };
    };
    return {
      id,
      activity: data.activity,
      ...(data.until ? { end: copenhagenInstant(data.until, data.end).getTime() } : {}),
      text: Object.fromEntries(langs.map((l) => [l, textIn(l)])) as Record<Lang, FlyerMeetingText>,
    };
  });
  const activities = [...new Set(flyer.map((s) => s.activity))].sort();
  const qrs = await Promise.all(
    activities.map(async (activity) => {
      const codes = await Promise.all(
        langs.map(async (lang) => {
          const url = new URL(localizedUrl(lang, `activities/${activity}/`), siteConfig.siteUrl).href;
          const urlText = url.replace(/^https?:\/\//, '').replace(/\/$/, '');
          return [lang, { qr: await qrSvg(url, t(lang, 'flyer.qrLabel', { url: urlText })), urlText }] as const;
        }),
      );
      return { activity, codes: Object.fromEntries(codes) as FlyerActivityQr['codes'] };
    }),
  );
  return { sessions: flyer, qrs };
}

/** How the generator's list names a session, in the partner's language: "Kvindegruppe: hver tirsdag, 10.00–12.00". */
export function sessionChoiceLabel(session: FlyerSession, lang: Lang): string {
  const text = session.text[lang];
  return `${text.title}: ${text.date}, ${text.time}`;
}
