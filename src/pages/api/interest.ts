/**
 * POST /api/interest: the receiver of the "call me back" form, the site's only on-demand route.
 * Order of checks: size (413), content type (415), Origin (403), rate limit (429, in her
 * language), bots (silently 303, nothing stored), validation (the form again with her values,
 * 400), store, 303 to /<lang>/interest/thanks/.
 * Nothing she sent is ever logged, put in a URL or e-mailed.
 */
import type { APIContext, APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { inboxFor } from '#src/inbox/inboxContext.ts';
import { requestIntake } from '#src/channels/requestIntake.ts';
import { defaultLang, isLang, langs, type Lang } from '#src/i18n/locales.ts';
import { localizedUrl } from '#src/i18n/localizedUrl.ts';
import { siteConfig } from '#site.config.ts';
import { activitySlugs } from '#src/interest/activityChoices.ts';
import { loadActivities } from '#src/interest/loadActivities.ts';
import { consentVersion } from '#src/interest/interestFormModel.ts';
import { openInterestRuntime, type InterestRuntime } from '#src/interest/interestRuntime.ts';
import { clientKey } from '#src/interest/interestRateLimit.ts';
import {
  interestBodyLimit,
  isAllowedOrigin,
  isFormContentType,
  parseFormBody,
  readBodyWithLimit,
} from '#src/interest/interestRequestGuard.ts';
import { checkFormToken, createFormToken, formTokenPlaceholder } from '#src/interest/interestToken.ts';
import { fieldNames, validateInterest, type InterestError } from '#src/interest/validateInterest.ts';

export const prerender = false;

// The server (src/server/server.ts) opens the store once and passes it in `locals`; `astro dev`
// has no such server, so there the endpoint opens its own, once.
let devRuntime: InterestRuntime | undefined;
const runtimeOf = (locals: App.Locals): InterestRuntime => locals.interest ?? (devRuntime ??= openInterestRuntime(siteConfig));

/** A short answer for requests her browser never sends (scripts, other sites). */
function plain(status: number, text: string): Response {
  return new Response(`${text}\n`, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
}

type Reply = NonNullable<App.Locals['interestReply']>;
type ReplyInput = Reply extends infer R ? (R extends { token: string } ? Omit<R, 'token'> : R) : never;

/** Answers with a page in her language, rendered by /<lang>/interest/reply/. */
function reply(context: APIContext, lang: Lang, answer: ReplyInput): Promise<Response> {
  const token = () => createFormToken(runtimeOf(context.locals).secret);
  context.locals.interestReply = answer.kind === 'form' ? { ...answer, token: token() } : answer;
  return context.rewrite(new Request(new URL(localizedUrl(lang, 'interest/reply/'), context.url), { method: 'GET' }));
}

const allOf = (entries: [string, FormDataEntryValue][], name: string) => entries.filter(([k]) => k === name).map(([, v]) => v);

export const POST: APIRoute = async (context) => {
  const { request, locals } = context;
  const { settings, secret, limiter } = runtimeOf(locals);
  if (Number(request.headers.get('content-length') ?? 0) > interestBodyLimit) return plain(413, 'Too large.');
  const contentType = request.headers.get('content-type');
  if (!isFormContentType(contentType)) return plain(415, 'Send the form as a form.');
  const origin = {
    origin: request.headers.get('origin'),
    host: request.headers.get('host'),
    secFetchSite: request.headers.get('sec-fetch-site'),
  };
  if (!isAllowedOrigin({ ...origin, allowedOrigins: settings.allowedOrigins })) {
    return plain(403, 'The form must be sent from this site.');
  }
  const body = await readBodyWithLimit(request);
  if (!body.ok) return plain(413, 'Too large.');
  let entries: [string, FormDataEntryValue][];
  try {
    entries = await parseFormBody(body.bytes, contentType!);
  } catch {
    return plain(400, 'The form could not be read.');
  }
  const [pageLang] = allOf(entries, fieldNames.pageLang);
  const lang: Lang = isLang(pageLang) ? pageLang : defaultLang;

  const client = clientKey({
    remoteAddress: locals.remoteAddress ?? context.clientAddress,
    forwardedFor: request.headers.get('x-forwarded-for'),
    trustProxyHops: settings.trustProxyHops,
  });
  const limit = limiter.hit(client);
  if (!limit.allowed) return reply(context, lang, { kind: 'busy', status: 429, retryAfterSeconds: limit.retryAfterSeconds });

  // Bots get the same 303 as she does, so they learn nothing; nothing is stored.
  const thanks = () =>
    new Response(null, { status: 303, headers: { Location: localizedUrl(lang, 'interest/thanks/'), 'Cache-Control': 'no-store' } });
  if (allOf(entries, fieldNames.honeypot).some((v) => v !== '')) return thanks();
  const tokens = allOf(entries, fieldNames.token);
  const token = tokens.length === 1 && typeof tokens[0] === 'string' ? tokens[0] : '';
  // The placeholder means the page was not served by our server (a cache, a dev server): ask
  // her to send again with a real token rather than drop her registration.
  const tokenState = token === formTokenPlaceholder ? 'expired' : checkFormToken(token, secret, settings);
  if (tokenState === 'invalid' || tokenState === 'tooFast') return thanks();

  const channels = (await getCollection('channels')).map((c) => c.id);
  const result = validateInterest(entries, { langs, activities: activitySlugs(await loadActivities()), channels });
  const errors: InterestError[] = [...result.errors];
  if (tokenState === 'expired') errors.push({ field: 'form', code: 'expired', key: 'interest.error.form.expired' });
  if (errors.length > 0 || !result.data) return reply(context, lang, { kind: 'form', status: 400, values: result.values, errors });

  const { pageLang: consentLanguage, ...data } = result.data;
  try {
    // One transaction: the request, its channel and answer, and the monthly counts (src/channels/requestIntake.ts);
    // the 303 waits until it is on disk, in an fsync shared with the posts that arrived meanwhile (group commit).
    const intake = requestIntake((await inboxFor(locals)).db);
    await intake.addDurably({ ...data, kind: 'interest', consentVersion: consentVersion(lang), consentLanguage });
  } catch (error) {
    // The code only: a message could one day carry a value.
    console.error(`interest: could not store a registration (${(error as { code?: string }).code ?? 'unknown error'})`);
    const unavailable: InterestError = { field: 'form', code: 'unavailable', key: 'interest.error.form.unavailable' };
    return reply(context, lang, { kind: 'form', status: 503, values: result.values, errors: [unavailable] });
  }
  return thanks();
};

/** Anything but POST (a reload of the address, a link): back to the language chooser. */
export const ALL: APIRoute = () => new Response(null, { status: 303, headers: { Location: '/', 'Cache-Control': 'no-store' } });
