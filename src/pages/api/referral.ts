/**
 * POST /api/referral: a partner refers a woman who said yes. The same defences as the interest
 * receiver, in the same order: size (413), content type (415), Origin (403), rate limit (429),
 * bots (silently 303, nothing stored), validation (the form again with what was typed, 400),
 * store as a request of kind "referral" with its referrer and consent record, 303 to thanks.
 * Nothing sent is ever logged, put in a URL or e-mailed.
 */
import type { APIContext, APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { langs } from '#src/i18n/locales.ts';
import { localizedUrl } from '#src/i18n/localizedUrl.ts';
import { siteConfig } from '#site.config.ts';
import { activitySlugs } from '#src/interest/activityChoices.ts';
import { loadActivities } from '#src/interest/loadActivities.ts';
import { openInterestRuntime, type InterestRuntime } from '#src/interest/interestRuntime.ts';
import { clientKey } from '#src/interest/interestRateLimit.ts';
import {
  allOf,
  interestBodyLimit,
  isAllowedOrigin,
  isFormContentType,
  parseFormBody,
  readBodyWithLimit,
} from '#src/interest/interestRequestGuard.ts';
import { checkFormToken, createFormToken, formTokenPlaceholder } from '#src/interest/interestToken.ts';
import { inboxFor } from '#src/inbox/inboxContext.ts';
import { requestIntake } from '#src/store/requestIntake.ts';
import { dayOf } from '#src/channels/channelCounts.ts';
import { referralFieldNames as f, referralLangs, type ReferralLang } from '#src/referral/referralFields.ts';
import { validateReferral, type ReferralError } from '#src/referral/validateReferral.ts';

export const prerender = false;

let devRuntime: InterestRuntime | undefined;
const runtimeOf = (locals: App.Locals): InterestRuntime => locals.interest ?? (devRuntime ??= openInterestRuntime(siteConfig));

function plain(status: number, text: string): Response {
  return new Response(`${text}\n`, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
}

type Reply = NonNullable<App.Locals['referralReply']>;
type ReplyInput = Reply extends infer R ? (R extends { token: string } ? Omit<R, 'token'> : R) : never;

/** Answers with the form page again (or "wait"), rendered by /<da|en>/partners/refer/reply/. */
function reply(context: APIContext, lang: ReferralLang, answer: ReplyInput): Promise<Response> {
  const token = () => createFormToken(runtimeOf(context.locals).secret);
  context.locals.referralReply = answer.kind === 'form' ? { ...answer, token: token() } : answer;
  return context.rewrite(new Request(new URL(localizedUrl(lang, 'partners/refer/reply/'), context.url), { method: 'GET' }));
}

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
  if (!isAllowedOrigin({ ...origin, allowedOrigins: settings.allowedOrigins })) return plain(403, 'The form must be sent from this site.');
  const body = await readBodyWithLimit(request);
  if (!body.ok) return plain(413, 'Too large.');
  let entries: [string, FormDataEntryValue][];
  try {
    entries = await parseFormBody(body.bytes, contentType!);
  } catch {
    return plain(400, 'The form could not be read.');
  }
  const [pageLang] = allOf(entries, f.pageLang);
  const lang: ReferralLang = pageLang === 'en' ? 'en' : 'da';

  const client = clientKey({
    remoteAddress: locals.remoteAddress ?? context.clientAddress,
    forwardedFor: request.headers.get('x-forwarded-for'),
    trustProxyHops: settings.trustProxyHops,
  });
  const limit = limiter.hit(client);
  if (!limit.allowed) return reply(context, lang, { kind: 'busy', status: 429, retryAfterSeconds: limit.retryAfterSeconds });

  const thanks = () =>
    new Response(null, { status: 303, headers: { Location: localizedUrl(lang, 'partners/refer/thanks/'), 'Cache-Control': 'no-store' } });
  if (allOf(entries, f.honeypot).some((v) => v !== '')) return thanks();
  const tokens = allOf(entries, f.token);
  const token = tokens.length === 1 && typeof tokens[0] === 'string' ? tokens[0] : '';
  const tokenState = token === formTokenPlaceholder ? 'expired' : checkFormToken(token, secret, settings);
  if (tokenState === 'invalid' || tokenState === 'tooFast') return thanks();

  const channels = (await getCollection('channels')).map((c) => c.id);
  const activities = activitySlugs(await loadActivities());
  const result = validateReferral(entries, { langs, activities, channels, today: dayOf(new Date()) });
  const errors: ReferralError[] = [...result.errors];
  if (tokenState === 'expired') errors.push({ field: 'form', code: 'expired', key: 'referral.error.form.expired' });
  if (errors.length > 0 || !result.data) return reply(context, lang, { kind: 'form', status: 400, values: result.values, errors });

  const d = result.data;
  try {
    // The 303 waits until the referral is on disk (group commit, as for the interest form).
    await requestIntake((await inboxFor(locals)).db).addDurably({
      kind: 'referral',
      firstName: d.firstName,
      phone: d.phone,
      // Staff write to her in her first site language; Danish (with an interpreter) when she has none of them.
      language: d.languages.find((l) => l !== 'da') ?? d.languages[0] ?? 'da',
      contactMethod: 'call',
      bestTime: d.bestTime,
      activities: d.activities,
      interpreter: d.interpreter,
      consentVersion: `referral:${d.consent.how}:${d.consent.date}`,
      consentLanguage: d.pageLang,
      channel: d.channel,
      heardVia: 'professional',
      referral: { referrer: d.referrer, consent: d.consent, languages: d.languages, languageOther: d.languageOther, note: d.note },
    });
  } catch (error) {
    console.error(`referral: could not store a referral (${(error as { code?: string }).code ?? 'unknown error'})`);
    const unavailable: ReferralError = { field: 'form', code: 'unavailable', key: 'referral.error.form.unavailable' };
    return reply(context, lang, { kind: 'form', status: 503, values: result.values, errors: [unavailable] });
  }
  return thanks();
};

/** Anything but POST: to the form. */
export const ALL: APIRoute = () =>
  new Response(null, {
    status: 303,
    headers: { Location: localizedUrl(referralLangs[0], 'partners/refer/'), 'Cache-Control': 'no-store' },
  });
