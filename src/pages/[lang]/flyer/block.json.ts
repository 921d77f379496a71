/**
 * One language's block of the flyer generator, for a partner who picks a language her page does
 * not carry (src/browser/flyerGenerator.ts fetches it): the same markup the page renders for its
 * own languages (FlyerLanguageBlock.astro), with every meeting, weekly session and QR code in it.
 * JSON, not an HTML file: it is a piece of a page, not a page (every .html of the build is one).
 */
import type { APIRoute } from 'astro';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { langPaths } from '#src/i18n/langPaths.ts';
import type { Lang } from '#src/i18n/locales.ts';
import { flyerBlocks } from '#src/flyer/flyerBlocks.ts';
import { flyerMeetings } from '#src/flyer/flyerMeetings.ts';
import { flyerSessions } from '#src/flyer/flyerSessions.ts';
import FlyerLanguageBlock from './_components/FlyerLanguageBlock.astro';

export const getStaticPaths = langPaths;

/** What the endpoint sends: the block's language and its markup (one `.flyer-cell`, hidden). */
export interface FlyerBlockFragment {
  /** The block's language. */
  lang: Lang;
  /** The `.flyer-cell` element, as HTML. */
  html: string;
}

export const GET: APIRoute = async ({ props }) => {
  const { lang } = props as { lang: Lang };
  const [blocks, meetings, { sessions, qrs }] = await Promise.all([flyerBlocks(), flyerMeetings(), flyerSessions()]);
  const container = await AstroContainer.create();
  const html = await container.renderToString(FlyerLanguageBlock, {
    // As on the generator page: headings under its h2, nothing chosen yet (the script shows what is).
    props: { block: blocks[lang], level: 3, shown: false, meetings, sessions, activityQrs: qrs },
  });
  const body: FlyerBlockFragment = { lang, html: html.trim() };
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
