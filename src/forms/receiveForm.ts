/**
 * The ONE receiver pipeline every public form goes through (the interest form, the partner
 * referral): the place its rules live. Two doors lead here and both only translate: the Node
 * server's own (./formReceiver.ts, what production runs) and Astro's endpoints
 * (./formEndpoint.ts, for src/pages/api/, what `astro dev` runs).
 * Order of checks: size (413, the declared length before any byte is read), content type (415),
 * Origin (403), the body within the limit (413), rate limit (429, in her language), bots (silently
 * 303, nothing stored), validation (the form again with her values, 400), store, 303 to thanks.
 * Nothing she sent is ever logged, put in a URL or e-mailed.
 */
import type { Database } from '#src/store/openStore.ts';
import type { Lang } from '#src/i18n/locales.ts';
import { commonFieldNames, thanksPath, type FormChoices, type FormDefinition, type FormError, type FormReply } from './formDefinition.ts';
import { formBodyLimit, isAllowedOrigin, isFormContentType } from './formRequestGuard.ts';
import { allOf, parseFormBody, type BodyRead } from './readFormBody.ts';
import { checkFormToken, createFormToken, formTokenPlaceholder } from './formToken.ts';
import { clientKey, type createRateLimiter } from './formRateLimit.ts';
import { requestScheme } from './clientAddress.ts';

/** One POST as either door sees it: the headers the pipeline reads, the TCP peer, and the body. */
export interface FormPost {
  /** A request header by its lower-case name, or null. */
  header(
    name: 'content-length' | 'content-type' | 'origin' | 'host' | 'sec-fetch-site' | 'x-forwarded-for' | 'x-forwarded-proto',
  ): string | null;
  /** The TCP peer (the rate limit counts it; X-Forwarded-For only behind a trusted proxy). */
  remoteAddress: string | undefined;
  /** The body, or `ok: false` once it passes `limit` bytes (then it is not read further). */
  readBody(limit: number): Promise<BodyRead>;
}

/** What the pipeline needs while the server runs (src/interest/interestRuntime.ts has it, opened once). */
export interface FormRuntime {
  settings: {
    /** Origins besides the request's own that may post a form (PUBLIC_ORIGIN), scheme and port included. */
    allowedOrigins: readonly string[];
    /** Quicker than this after the page was served is a bot. */
    minFillMs: number;
    /** A form page older than this asks her to send again. */
    maxAgeMs: number;
    /** Proxies in front of the server whose X-Forwarded-For and -Proto are believed. */
    trustProxyHops: number;
  };
  /** The secret the start-time tokens are signed with. */
  secret: string;
  /** One limiter for every form: a client's posts count together. */
  limiter: ReturnType<typeof createRateLimiter>;
}

export interface FormContext {
  runtime: FormRuntime;
  /** The open database the store call writes to (the runtime's own store in production). */
  database: () => Database | Promise<Database>;
  /** Asked only for a post that gets as far as validation. */
  choices: () => FormChoices | Promise<FormChoices>;
}

/**
 * The answer, for the door to send:
 * - `plain`: a short text for requests her browser never sends (scripts, other sites);
 * - `thanks`: 303 to the form's thanks page in her language (also what a bot gets);
 * - `reply`: the form's reply page renders `reply` (the form again, or "wait a little").
 */
export type FormAnswer<L extends Lang = Lang, Reply = FormReply<unknown, FormError>> =
  { kind: 'plain'; status: 400 | 403 | 413 | 415; text: string } | { kind: 'thanks'; lang: L } | { kind: 'reply'; lang: L; reply: Reply };

/** Status, headers and body of a `plain` or `thanks` answer of `form` (a `reply` is a rendered page). */
export function simpleAnswer(
  form: Pick<FormDefinition, 'path'>,
  answer: Exclude<FormAnswer, { kind: 'reply' }>,
): { status: number; headers: Record<string, string>; body: string | null } {
  if (answer.kind === 'thanks') {
    return { status: 303, headers: { Location: thanksPath(form, answer.lang), 'Cache-Control': 'no-store' }, body: null };
  }
  return {
    status: answer.status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    body: `${answer.text}\n`,
  };
}

const tooLarge = { kind: 'plain', status: 413, text: 'Too large.' } as const;

/** Receives one post to `form`: checks, stores and says what to answer. */
export async function receiveForm<L extends Lang, Values, Error extends FormError, Data>(
  form: FormDefinition<L, Values, Error, Data>,
  post: FormPost,
  { runtime, database, choices }: FormContext,
): Promise<FormAnswer<L, FormReply<Values, Error>>> {
  const { settings, secret, limiter } = runtime;
  if (Number(post.header('content-length') ?? 0) > formBodyLimit) return tooLarge;
  const contentType = post.header('content-type');
  if (!isFormContentType(contentType)) return { kind: 'plain', status: 415, text: 'Send the form as a form.' };
  const host = post.header('host');
  const scheme = requestScheme({
    host,
    forwardedProto: post.header('x-forwarded-proto'),
    trustProxyHops: settings.trustProxyHops,
    publicOrigins: settings.allowedOrigins,
  });
  const origin = { origin: post.header('origin'), host, scheme, secFetchSite: post.header('sec-fetch-site') };
  if (!isAllowedOrigin({ ...origin, allowedOrigins: settings.allowedOrigins })) {
    return { kind: 'plain', status: 403, text: 'The form must be sent from this site.' };
  }
  const body = await post.readBody(formBodyLimit);
  if (!body.ok) return tooLarge;
  let entries: [string, FormDataEntryValue][];
  try {
    entries = await parseFormBody(body.bytes, contentType!);
  } catch {
    return { kind: 'plain', status: 400, text: 'The form could not be read.' };
  }
  const lang = form.langOf(allOf(entries, commonFieldNames.pageLang)[0]);

  const client = clientKey({
    remoteAddress: post.remoteAddress,
    forwardedFor: post.header('x-forwarded-for'),
    trustProxyHops: settings.trustProxyHops,
  });
  const limit = limiter.hit(client);
  if (!limit.allowed) return { kind: 'reply', lang, reply: { kind: 'busy', status: 429, retryAfterSeconds: limit.retryAfterSeconds } };

  // Bots get the same 303 as she does, so they learn nothing; nothing is stored.
  const thanks = { kind: 'thanks', lang } as const;
  if (allOf(entries, commonFieldNames.honeypot).some((v) => v !== '')) return thanks;
  const tokens = allOf(entries, commonFieldNames.token);
  const token = tokens.length === 1 && typeof tokens[0] === 'string' ? tokens[0] : '';
  // The placeholder means the page was not served by our server (a cache, a dev server): ask
  // her to send again with a real token rather than drop what she sent.
  const tokenState = token === formTokenPlaceholder ? 'expired' : checkFormToken(token, secret, settings);
  if (tokenState === 'invalid' || tokenState === 'tooFast') return thanks;

  const result = form.validate(entries, await choices());
  const errors = [...result.errors];
  if (tokenState === 'expired') errors.push(form.formError('expired'));
  const formAgain = (status: 400 | 503, shown: Error[]) =>
    ({
      kind: 'reply',
      lang,
      reply: { kind: 'form', status, values: result.values, errors: shown, token: createFormToken(secret) },
    }) as const;
  if (errors.length > 0 || !result.data) return formAgain(400, errors);

  try {
    await form.store(result.data, { db: await database(), lang });
  } catch (error) {
    // The code only: a message could one day carry a value.
    console.error(`${form.name}: could not store ${form.entry} (${(error as { code?: string }).code ?? 'unknown error'})`);
    return formAgain(503, [form.formError('unavailable')]);
  }
  return thanks;
}
