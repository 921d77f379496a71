/** /<lang>/calendar.ics: every coming meeting, weekly session and event in one feed, in that language. */
import type { APIRoute } from 'astro';
import { langPaths } from '../../i18n/langPaths';
import type { Lang } from '../../i18n/locales';
import { t } from '../../i18n/translate';
import { calendarFeed } from '../../calendar/calendarFeed';
import { loadCalendar } from '../../calendar/loadCalendar';
import { buildNow } from '../../calendar/buildNow';
import { siteConfig } from '../../../site.config';

export const getStaticPaths = langPaths;

export const GET: APIRoute = async ({ props }) => {
  const lang = props.lang as Lang;
  const data = await loadCalendar();
  const body = calendarFeed(data, data.venues, lang, siteConfig, buildNow(), { name: t(lang, 'calendar.feedName', { site: siteConfig.name }) });
  return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
