/** /<lang>/calendar.ics: every coming meeting, weekly session and event in one feed, in that language. */
import type { APIRoute } from 'astro';
import { langPaths } from '#src/i18n/langPaths.ts';
import type { Lang } from '#src/i18n/locales.ts';
import { t } from '#src/i18n/translate.ts';
import { calendarFeed } from '#src/calendar/calendarFeed.ts';
import { loadCalendar } from '#src/calendar/loadCalendar.ts';
import { buildNow } from '#src/calendar/buildNow.ts';
import { siteConfig } from '#site.config.ts';

export const getStaticPaths = langPaths;

export const GET: APIRoute = async ({ props }) => {
  const lang = props.lang as Lang;
  const data = await loadCalendar();
  const body = calendarFeed(data, data.venues, lang, siteConfig, buildNow(), {
    name: t(lang, 'calendar.feedName', { site: siteConfig.name }),
  });
  return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
