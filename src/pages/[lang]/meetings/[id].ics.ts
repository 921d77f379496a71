/** /<lang>/meetings/<id>.ics: one meeting to add to a phone's calendar, in that language. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { langs, type Lang } from '#src/i18n/locales.ts';
import { loadMeetings } from '#src/meetings/loadMeetings.ts';
import { meetingsIcs } from '#src/calendar/meetingsIcs.ts';
import { siteConfig } from '#site.config.ts';

export const getStaticPaths = (async () => {
  const { all } = await loadMeetings();
  return langs.flatMap((lang) => all.map((m) => ({ params: { lang, id: m.id }, props: { lang, meeting: m } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { venues } = await loadMeetings();
  const body = meetingsIcs([props.meeting], venues, props.lang as Lang, siteConfig, new Date());
  return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
