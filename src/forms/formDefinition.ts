/**
 * What makes a public form a form for the one receiver pipeline (./receiveForm.ts): a small
 * definition living in its feature (src/interest/interestForm.ts, src/referral/referralForm.ts),
 * with its validator, its store call and where its pages are. Everything else (limits, Origin,
 * token, honeypot, rate limit, the answers) is the pipeline's, the same for every form.
 */
import type { Database } from '#src/store/openStore.ts';
import { localizedUrl } from '#src/i18n/localizedUrl.ts';
import type { Lang } from '#src/i18n/locales.ts';

/** The fields every form sends under the same names; the pipeline reads the language, the token and the honeypot. */
export const commonFieldNames = {
  /** The language of the page the form was sent from (hidden). */
  pageLang: 'lang',
  /** The recruitment channel code the page carried (hidden; '' for none). */
  channel: 'via',
  /** The signed start time (hidden; ./formToken.ts). */
  token: 'token',
  /** The field people never see and bots fill in. */
  honeypot: 'extra_note',
} as const;

/**
 * A form's field names (what the browser sends): its own fields, each sent under its key in
 * snake_case ("referrerName" as "referrer_name"), between the page language and the other
 * common fields, in that order (the order a validator checks for repeats in).
 */
export function formFieldNames<Field extends string>(fields: readonly Field[]) {
  const own = Object.fromEntries(fields.map((f) => [f, f.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)])) as Record<Field, string>;
  const { pageLang, ...rest } = commonFieldNames;
  return { pageLang, ...own, ...rest };
}

/** An error a validator reports: the field it is shown at ('form': next to the send button), why, and its UI string key. */
export interface FormError {
  field: string;
  code: string;
  key: string;
}

/** What a form's reply page renders (through Astro.locals): the form again with what was typed, or "wait a little". */
export type FormReply<Values, Error> =
  | { kind: 'form'; status: 400 | 503; values: Values; errors: Error[]; token: string }
  | { kind: 'busy'; status: 429; retryAfterSeconds: number };

/** What a form may send: the activity slugs and recruitment channel codes of this site. */
export interface FormChoices {
  activities: readonly string[];
  channels: readonly string[];
}

/** One validation: what was sent (kept as typed), the errors, and the data to store when there are none. */
export interface Validated<Values, Error, Data> {
  values: Values;
  errors: Error[];
  data?: Data;
}

/** A form: its name, its pages, its validator and its store call. */
export interface FormDefinition<L extends Lang = Lang, Values = unknown, Error extends FormError = FormError, Data = unknown> {
  /** The form's name in the log ("interest: could not store …"); the log never holds anything typed. */
  name: string;
  /** What one stored post is called in the log: "a registration". */
  entry: string;
  /** The receiver's address (POST), without the trailing slash: "/api/interest". */
  action: string;
  /** The form page's path after /<lang>/ ("interest/"); its thanks page is `<path>thanks/`, its answer page `<path>reply/`. */
  path: string;
  /** Where anything but a POST to the receiver is sent (303). */
  elsewhere: string;
  /** The language to answer in, from the page-language field (any value, even a file). */
  langOf(pageLang: unknown): L;
  /** Checks one post's entries (in order, repeats kept). */
  validate(entries: [string, FormDataEntryValue][], choices: FormChoices): Validated<Values, Error, Data>;
  /** The whole-form error for a page left open too long ("expired") or a store that failed ("unavailable"). */
  formError(code: 'expired' | 'unavailable'): Error;
  /** Stores a valid post durably: the 303 waits for it. */
  store(data: Data, where: { db: Database; lang: L }): Promise<void>;
  /** The Astro.locals its reply page reads the answer from. */
  replyLocals(reply: FormReply<Values, Error>): Partial<App.Locals>;
}

/** The thanks page of `form` in `lang`, where a post that went through (or a bot) is sent. */
export const thanksPath = (form: Pick<FormDefinition, 'path'>, lang: Lang) => localizedUrl(lang, `${form.path}thanks/`);

/** The page that renders a form's reply in `lang`. */
export const replyPath = (form: Pick<FormDefinition, 'path'>, lang: Lang) => localizedUrl(lang, `${form.path}reply/`);

/** Sets a reply page's status and headers from its reply: never cached; "wait a little" says for how long. */
export function answerWith(response: { status?: number; readonly headers: Headers }, reply: FormReply<unknown, unknown>): void {
  response.status = reply.status;
  response.headers.set('Cache-Control', 'no-store');
  if (reply.kind === 'busy') response.headers.set('Retry-After', String(reply.retryAfterSeconds));
}
