/**
 * POST /api/interest under Astro: the door `astro dev` uses. The production server answers the
 * same posts itself (src/interest/interestReceiver.ts), before Astro; both hand the post to
 * src/interest/receiveInterest.ts, the one home of the receiver's rules, and only translate.
 * Nothing she sent is ever logged, put in a URL or e-mailed.
 */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { inboxFor } from '#src/inbox/inboxContext.ts';
import { siteConfig } from '#site.config.ts';
import { activitySlugs } from '#src/interest/activityChoices.ts';
import { loadActivities } from '#src/interest/loadActivities.ts';
import { openInterestRuntime, type InterestRuntime } from '#src/interest/interestRuntime.ts';
import { readBodyWithLimit } from '#src/interest/interestRequestGuard.ts';
import { receiveInterest, replyPath, simpleAnswer } from '#src/interest/receiveInterest.ts';

export const prerender = false;

// The server (src/server/server.ts) opens the store once and passes it in `locals`; `astro dev`
// has no such server, so there the endpoint opens its own, once.
let devRuntime: InterestRuntime | undefined;
const runtimeOf = (locals: App.Locals): InterestRuntime => locals.interest ?? (devRuntime ??= openInterestRuntime(siteConfig));

export const POST: APIRoute = async (context) => {
  const { request, locals } = context;
  const answer = await receiveInterest(
    {
      header: (name) => request.headers.get(name),
      remoteAddress: locals.remoteAddress ?? context.clientAddress,
      readBody: (limit) => readBodyWithLimit(request, limit),
    },
    {
      runtime: runtimeOf(locals),
      database: async () => (await inboxFor(locals)).db,
      choices: async () => ({
        activities: activitySlugs(await loadActivities()),
        channels: (await getCollection('channels')).map((c) => c.id),
      }),
    },
  );
  if (answer.kind !== 'reply') {
    const { status, headers, body } = simpleAnswer(answer);
    return new Response(body, { status, headers });
  }
  // Her language's page renders the answer (the form again with her values, or "wait a little").
  locals.interestReply = answer.reply;
  return context.rewrite(new Request(new URL(replyPath(answer.lang), context.url), { method: 'GET' }));
};

/** Anything but POST (a reload of the address, a link): back to the language chooser. */
export const ALL: APIRoute = () => new Response(null, { status: 303, headers: { Location: '/', 'Cache-Control': 'no-store' } });
