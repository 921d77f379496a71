/**
 * The receiver of the "call me back" form (POST /api/interest): the ONE place its rules live.
 * Two doors lead here and both only translate: the Node server's own (./interestReceiver.ts, what
 * production runs) and Astro's endpoint (src/pages/api/interest.ts, what `astro dev` runs).
 * Order of checks: size (413), content type (415), Origin (403), rate limit (429, in her
 * language), bots (silently 303, nothing stored), validation (the form again with her values,
 * 400), store, 303 to /<lang>/interest/thanks/.
 * Nothing she sent is ever logged, put in a URL or e-mailed.
 */
import type { Database } from '#src/store/openStore.ts';
import { requestIntake } from '#src/store/requestIntake.ts';
import { defaultLang, isLang, langs, type Lang } from '#src/i18n/locales.ts';
import { localizedUrl } from '#src/i18n/localizedUrl.ts';
import { consentVersion } from './interestFormModel.ts';
import type { InterestRuntime } from './interestRuntime.ts';
import { clientKey } from './interestRateLimit.ts';
import { allOf, interestBodyLimit, isAllowedOrigin, isFormContentType, parseFormBody } from './interestRequestGuard.ts';
import { checkFormToken, createFormToken, formTokenPlaceholder } from './interestToken.ts';
import { fieldNames, validateInterest, type InterestError } from './validateInterest.ts';

/** One POST as either door sees it: the headers the receiver reads, the TCP peer, and the body. */
export interface InterestPost {
  /** A request header by its lower-case name, or null. */
  header(name: 'content-length' | 'content-type' | 'origin' | 'host' | 'sec-fetch-site' | 'x-forwarded-for'): string | null;
  /** The TCP peer (the rate limit counts it; X-Forwarded-For only behind a trusted proxy). */
  remoteAddress: string | undefined;
  /** The body, or `ok: false` once it passes `limit` bytes. */
  readBody(limit: number): Promise<{ ok: true; bytes: Uint8Array } | { ok: false }>;
}

/** What the form may send: the activity slugs and recruitment channel codes of this site. */
export interface InterestChoices {
  activities: readonly string[];
  channels: readonly string[];
}

export interface InterestReceiverContext {
  runtime: InterestRuntime;
  /** The open database the inbox's intake writes to (the runtime's own store in production). */
  database: () => Database | Promise<Database>;
  /** Asked only for a post that gets as far as validation. */
  choices: () => InterestChoices | Promise<InterestChoices>;
}

/** What /<lang>/interest/reply/ renders (App.Locals.interestReply). */
export type InterestReply = NonNullable<App.Locals['interestReply']>;

/**
 * The answer, for the door to send:
 * - `plain`: a short text for requests her browser never sends (scripts, other sites);
 * - `thanks`: 303 to the thanks page in her language (also what a bot gets);
 * - `reply`: the page /<lang>/interest/reply/ renders from `reply` (the form again, or "wait").
 */
export type InterestAnswer =
  | { kind: 'plain'; status: 400 | 403 | 413 | 415; text: string }
  | { kind: 'thanks'; lang: Lang }
  | { kind: 'reply'; lang: Lang; reply: InterestReply };

/** Status, headers and body of a `plain` or `thanks` answer (a `reply` is a rendered page). */
export function simpleAnswer(answer: Exclude<InterestAnswer, { kind: 'reply' }>): {
  status: number;
  headers: Record<string, string>;
  body: string | null;
} {
  if (answer.kind === 'thanks') {
    return { status: 303, headers: { Location: localizedUrl(answer.lang, 'interest/thanks/'), 'Cache-Control': 'no-store' }, body: null };
  }
  return {
    status: answer.status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    body: `${answer.text}\n`,
  };
}

/** The address of the page that renders a `reply` answer. */
export const replyPath = (lang: Lang) => localizedUrl(lang, 'interest/reply/');

const tooLarge = { kind: 'plain', status: 413, text: 'Too large.' } as const;

/** Receives one post: checks, stores and says what to answer. */
export async function receiveInterest(
  post: InterestPost,
  { runtime, database, choices }: InterestReceiverContext,
): Promise<InterestAnswer> {
  const { settings, secret, limiter } = runtime;
  if (Number(post.header('content-length') ?? 0) > interestBodyLimit) return tooLarge;
  const contentType = post.header('content-type');
  if (!isFormContentType(contentType)) return { kind: 'plain', status: 415, text: 'Send the form as a form.' };
  const origin = { origin: post.header('origin'), host: post.header('host'), secFetchSite: post.header('sec-fetch-site') };
  if (!isAllowedOrigin({ ...origin, allowedOrigins: settings.allowedOrigins })) {
    return { kind: 'plain', status: 403, text: 'The form must be sent from this site.' };
  }
  const body = await post.readBody(interestBodyLimit);
  if (!body.ok) return tooLarge;
  let entries: [string, FormDataEntryValue][];
  try {
    entries = await parseFormBody(body.bytes, contentType!);
  } catch {
    return { kind: 'plain', status: 400, text: 'The form could not be read.' };
  }
  const [pageLang] = allOf(entries, fieldNames.pageLang);
  const lang: Lang = isLang(pageLang) ? pageLang : defaultLang;

  const client = clientKey({
    remoteAddress: post.remoteAddress,
    forwardedFor: post.header('x-forwarded-for'),
    trustProxyHops: settings.trustProxyHops,
  });
  const limit = limiter.hit(client);
  if (!limit.allowed) return { kind: 'reply', lang, reply: { kind: 'busy', status: 429, retryAfterSeconds: limit.retryAfterSeconds } };

  // Bots get the same 303 as she does, so they learn nothing; nothing is stored.
  const thanks = { kind: 'thanks', lang } as const;
  if (allOf(entries, fieldNames.honeypot).some((v) => v !== '')) return thanks;
  const tokens = allOf(entries, fieldNames.token);
  const token = tokens.length === 1 && typeof tokens[0] === 'string' ? tokens[0] : '';
  // The placeholder means the page was not served by our server (a cache, a dev server): ask
  // her to send again with a real token rather than drop her registration.
  const tokenState = token === formTokenPlaceholder ? 'expired' : checkFormToken(token, secret, settings);
  if (tokenState === 'invalid' || tokenState === 'tooFast') return thanks;

  const { activities, channels } = await choices();
  const result = validateInterest(entries, { langs, activities, channels });
  const errors: InterestError[] = [...result.errors];
  if (tokenState === 'expired') errors.push({ field: 'form', code: 'expired', key: 'interest.error.form.expired' });
  const formAgain = (status: 400 | 503, shown: InterestError[]): InterestAnswer => ({
    kind: 'reply',
    lang,
    reply: { kind: 'form', status, values: result.values, errors: shown, token: createFormToken(secret) },
  });
  if (errors.length > 0 || !result.data) return formAgain(400, errors);

  const { pageLang: consentLanguage, ...data } = result.data;
  try {
    // One transaction: the request, its channel and answer, and the monthly counts (src/store/requestIntake.ts);
    // the 303 waits until it is on disk, in an fsync shared with the posts that arrived meanwhile (group commit).
    const intake = requestIntake(await database());
    await intake.addDurably({ ...data, kind: 'interest', consentVersion: consentVersion(lang), consentLanguage });
  } catch (error) {
    // The code only: a message could one day carry a value.
    console.error(`interest: could not store a registration (${(error as { code?: string }).code ?? 'unknown error'})`);
    return formAgain(503, [{ field: 'form', code: 'unavailable', key: 'interest.error.form.unavailable' }]);
  }
  return thanks;
}
