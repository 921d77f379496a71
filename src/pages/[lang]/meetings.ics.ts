/** /<lang>/meetings.ics: every coming meeting in one calendar feed, in that language. */
import type { APIRoute } from 'astro';
import { langPaths } from '#src/i18n/langPaths.ts';
import type { Lang } from '#src/i18n/locales.ts';
import { loadMeetings } from '#src/meetings/loadMeetings.ts';
import { meetingsIcs } from '#src/calendar/meetingsIcs.ts';
import { siteConfig } from '#site.config.ts';

export const getStaticPaths = langPaths;

export const GET: APIRoute = async ({ props }) => {
  const { upcoming, venues } = await loadMeetings();
  const body = meetingsIcs(upcoming, venues, props.lang as Lang, siteConfig, new Date(), { feed: true });
  return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
