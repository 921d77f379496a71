/** /<lang>/meetings.ics: every coming meeting in one calendar feed, in that language. */
import type { APIRoute } from 'astro';
import { langPaths } from '../../i18n/langPaths';
import type { Lang } from '../../i18n/locales';
import { loadMeetings } from '../../meetings/loadMeetings';
import { meetingsIcs } from '../../meetings/meetingsIcs';
import { siteConfig } from '../../../site.config';

export const getStaticPaths = langPaths;

export const GET: APIRoute = async ({ props }) => {
  const { upcoming, venues } = await loadMeetings();
  const body = meetingsIcs(upcoming, venues, props.lang as Lang, siteConfig, new Date(), { feed: true });
  return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
