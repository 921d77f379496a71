/** /<lang>/activities/<slug>.ics: an activity's weekly sessions (one VEVENT each, RRULE + EXDATE) and its events. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { langs, type Lang } from '#src/i18n/locales.ts';
import { sourceSlugs, resolveLocalized } from '#src/i18n/localizedEntry.ts';
import { calendarFeed } from '#src/calendar/calendarFeed.ts';
import { loadCalendar } from '#src/calendar/loadCalendar.ts';
import { buildNow } from '#src/calendar/buildNow.ts';
import { siteConfig } from '#site.config.ts';

export const getStaticPaths = (async () => {
  const entries = await getCollection('activities');
  return langs.flatMap((lang) =>
    sourceSlugs(entries).map((slug) => ({
      params: { lang, slug },
      props: { lang, title: resolveLocalized(entries, lang, slug)!.entry.data.title },
    })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, props }) => {
  const lang = props.lang as Lang;
  const data = await loadCalendar();
  const content = {
    meetings: [],
    sessions: data.sessions.filter((s) => s.data.activity === params.slug),
    events: data.events.filter((e) => e.data.activity === params.slug),
  };
  const name = `${siteConfig.name}: ${props.title as string}`;
  const body = calendarFeed(content, data.venues, lang, siteConfig, buildNow(), { name, kind: `activity-${params.slug}` });
  return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
