/**
 * Astro's door to a form receiver: the POST and "anything else" handlers of an endpoint under
 * src/pages/api/ (what `astro dev` runs; the production server answers the same posts itself,
 * ./formReceiver.ts, before Astro). Both doors hand the post to ./receiveForm.ts and only translate.
 * Nothing she sent is ever logged, put in a URL or e-mailed.
 */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { siteConfig } from '#site.config.ts';
import { inboxFor } from '#src/inbox/inboxContext.ts';
import { activitySlugs } from '#src/interest/activityChoices.ts';
import { loadActivities } from '#src/interest/loadActivities.ts';
import { openInterestRuntime, type InterestRuntime } from '#src/interest/interestRuntime.ts';
import type { Lang } from '#src/i18n/locales.ts';
import { replyPath, type FormDefinition, type FormError } from './formDefinition.ts';
import { readBodyWithLimit } from './readFormBody.ts';
import { receiveForm, simpleAnswer } from './receiveForm.ts';

// The server (src/server/server.ts) opens the store once and passes it in `locals`; `astro dev`
// has no such server, so there the endpoints open their own, once.
let devRuntime: InterestRuntime | undefined;
const runtimeOf = (locals: App.Locals): InterestRuntime => locals.interest ?? (devRuntime ??= openInterestRuntime(siteConfig));

/** The handlers of `form`'s endpoint: `export const { POST, ALL } = formEndpoint(form)`. */
export function formEndpoint<L extends Lang, Values, Error extends FormError, Data>(
  form: FormDefinition<L, Values, Error, Data>,
): { POST: APIRoute; ALL: APIRoute } {
  const POST: APIRoute = async (context) => {
    const { request, locals } = context;
    const answer = await receiveForm(
      form,
      {
        header: (name) => request.headers.get(name),
        // Already resolved by the server (TRUST_PROXY); reading X-Forwarded-For again finds the same entry.
        remoteAddress: locals.clientAddress ?? context.clientAddress,
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
      const { status, headers, body } = simpleAnswer(form, answer);
      return new Response(body, { status, headers });
    }
    // Her language's page renders the answer (the form again with her values, or "wait a little").
    Object.assign(locals, form.replyLocals(answer.reply));
    return context.rewrite(new Request(new URL(replyPath(form, answer.lang), context.url), { method: 'GET' }));
  };
  /** Anything but POST (a reload of the address, a link): elsewhere, never an error page. */
  const ALL: APIRoute = () => new Response(null, { status: 303, headers: { Location: form.elsewhere, 'Cache-Control': 'no-store' } });
  return { POST, ALL };
}
