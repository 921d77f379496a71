/**
 * Server-side validation of the interest form. The form must work with JavaScript off,
 * so this is the only check that counts; every error code maps to a UI string key
 * (`interest.error.<field>.<code>`) so the form shows it in her language.
 */
import { contactChannels } from '#src/site/contactLinks.ts';

/** How she wants to be contacted; 'visit' (we call first, then visit her at home) only where site.config.ts has homeVisits. */
export const contactMethods = [...contactChannels, 'visit'] as const;
export type ContactMethod = (typeof contactMethods)[number];
/** When to call her. "any" is the preset. */
export const bestTimes = ['any', 'morning', 'afternoon', 'evening'] as const;

/** Answers to the optional "How did you hear about us?" ('' = not answered). */
export const heardAnswers = ['friend', 'flyer', 'meeting', 'professional', 'social', 'other'] as const;
export type HeardAnswer = (typeof heardAnswers)[number];

/** The form's field names, shared by the form component and the validator. */
export const fieldNames = {
  pageLang: 'lang',
  name: 'name',
  phone: 'phone',
  language: 'language',
  contact: 'contact',
  time: 'time',
  activity: 'activity',
  interpreter: 'interpreter',
  consent: 'consent',
  heard: 'heard',
  channel: 'via',
  token: 'token',
  honeypot: 'extra_note',
} as const;

/** Fields that may appear only once; a second copy is an error, not a silent pick. */
const singleFields: string[] = Object.values(fieldNames).filter((f) => f !== fieldNames.activity);

export const nameMaxLength = 60;
export const phoneMinDigits = 8;
export const phoneMaxDigits = 15;

// Embeddings, overrides and isolates (U+202A–202E, U+2066–2069) can make text display as
// something else; C0/C1 controls and line separators break CSV and logs. ZWNJ/ZWJ stay allowed:
// Persian and Urdu spelling needs them.
const forbiddenText = /[\p{Cc}\u202A-\u202E\u2066-\u2069\u2028\u2029]/u;

/** True when `text` holds a bidi override/embedding/isolate or a control character. */
export function hasForbiddenCharacters(text: string): boolean {
  return forbiddenText.test(text);
}

/**
 * Normalises a phone number as people type it: Arabic-Indic (٠-٩) and Persian (۰-۹) digits,
 * spaces, dashes, dots, brackets, "+45"/"0045". Eight digits without a country code are Danish.
 */
export function normalisePhone(raw: string): { ok: true; phone: string } | { ok: false; code: 'missing' | 'invalid' } {
  let s = raw.normalize('NFKC');
  if (hasForbiddenCharacters(s)) return { ok: false, code: 'invalid' };
  s = s
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    // Separators people type, and the direction marks RTL keyboards add around numbers.
    .replace(/[\s\-.()/\u200E\u200F\u061C]/gu, '');
  if (s === '') return { ok: false, code: 'missing' };
  let international = false;
  if (s.startsWith('+')) {
    international = true;
    s = s.slice(1);
  } else if (s.startsWith('00')) {
    international = true;
    s = s.slice(2);
  }
  if (!/^[0-9]+$/.test(s) || s.length < phoneMinDigits || s.length > phoneMaxDigits) {
    return { ok: false, code: 'invalid' };
  }
  if (international) return { ok: true, phone: `+${s}` };
  if (s.length === 8) return { ok: true, phone: `+45${s}` };
  return { ok: true, phone: s };
}

/** What she sent, kept as typed so the form can show it again. */
export interface InterestValues {
  lang: string;
  name: string;
  phone: string;
  language: string;
  contact: string;
  time: string;
  activities: string[];
  interpreter: boolean;
  consent: boolean;
  /** Her answer to "How did you hear about us?" ('' = none). */
  heard: string;
  /** The channel code the server put in the form (from /r/<code> or ?via=<code>), '' for none. */
  channel: string;
}

/** A field the form shows an error at ("form": the whole form, next to the send button). */
export type InterestField = 'name' | 'phone' | 'language' | 'contact' | 'time' | 'activity' | 'interpreter' | 'heard' | 'consent' | 'form';

export interface InterestError {
  field: InterestField;
  code: string;
  /** UI string key, e.g. "interest.error.phone.invalid" ("interest.error.repeated" for any field sent twice). */
  key: string;
}

/** A registration that passed every check, ready for the store. */
export interface ValidInterest {
  /** The language of the page she sent the form from. */
  pageLang: string;
  /** Her first name, any script (NFC). */
  firstName: string;
  /** Normalised phone, e.g. "+4512345678". */
  phone: string;
  /** The language she wants to be contacted in (a locale code). */
  language: string;
  /** How she wants to be contacted. */
  contactMethod: ContactMethod;
  /** One of the best-time choices ("morning", "any", …). */
  bestTime: string;
  /** Activity slugs she is interested in. */
  activities: string[];
  /** Whether she needs an interpreter. */
  interpreter: boolean;
  /** Her answer to "How did you hear about us?", '' when she skipped it. */
  heardVia: HeardAnswer | '';
  /** A known channel code, '' for none (an unknown one is dropped, never her problem). */
  channel: string;
}

/** Empty values for a fresh form, preset to the page's language. */
export function emptyInterestValues(lang: string): InterestValues {
  return {
    lang,
    name: '',
    phone: '',
    language: lang,
    contact: 'call',
    time: 'any',
    activities: [],
    interpreter: false,
    consent: false,
    heard: '',
    channel: '',
  };
}

/**
 * Validates one submission.
 * `entries` are the form's entries in order (FormData, URLSearchParams); `allowed` the known
 * languages, activity slugs and channel codes.
 */
export function validateInterest(
  entries: Iterable<[string, unknown]>,
  allowed: { langs: readonly string[]; activities: readonly string[]; channels?: readonly string[] },
): { values: InterestValues; errors: InterestError[]; data?: ValidInterest } {
  const fields = new Map<string, string[]>();
  for (const [key, value] of entries) {
    // A file upload is not text: treat it as a value nobody could have typed.
    const text = typeof value === 'string' ? value : '\u0000';
    fields.set(key, [...(fields.get(key) ?? []), text]);
  }
  const one = (name: string) => fields.get(name)?.[0] ?? '';
  const errors: InterestError[] = [];
  const fail = (field: InterestField, code: string) => {
    // "Sent twice" reads the same for every field, so it has one string.
    const key = code === 'repeated' ? 'interest.error.repeated' : `interest.error.${field}.${code}`;
    if (!errors.some((e) => e.field === field)) errors.push({ field, code, key });
  };

  const values: InterestValues = {
    lang: one(fieldNames.pageLang),
    name: one(fieldNames.name),
    phone: one(fieldNames.phone),
    language: one(fieldNames.language),
    contact: one(fieldNames.contact),
    time: one(fieldNames.time),
    activities: fields.get(fieldNames.activity) ?? [],
    interpreter: one(fieldNames.interpreter) !== '',
    consent: one(fieldNames.consent) !== '',
    heard: one(fieldNames.heard),
    channel: one(fieldNames.channel),
  };

  // Where a repeated field's error is shown.
  const shownAt: Record<string, InterestField> = { lang: 'language', token: 'form', extra_note: 'form', via: 'form' };
  for (const name of singleFields) {
    if ((fields.get(name)?.length ?? 0) > 1) fail(shownAt[name] ?? (name as InterestField), 'repeated');
  }

  const firstName = values.name.normalize('NFC').trim();
  if (hasForbiddenCharacters(firstName)) fail('name', 'invalid');
  else if (firstName === '') fail('name', 'missing');
  else if ([...firstName].length > nameMaxLength) fail('name', 'tooLong');

  const phone = normalisePhone(values.phone);
  if (!phone.ok) fail('phone', phone.code);

  if (!allowed.langs.includes(values.lang) || !allowed.langs.includes(values.language)) fail('language', 'unknown');
  if (!(contactMethods as readonly string[]).includes(values.contact)) fail('contact', 'unknown');
  if (!(bestTimes as readonly string[]).includes(values.time)) fail('time', 'unknown');
  if (values.activities.some((a) => !allowed.activities.includes(a))) fail('activity', 'unknown');
  else if (new Set(values.activities).size !== values.activities.length) fail('activity', 'repeated');
  if (values.interpreter && one(fieldNames.interpreter) !== 'yes') fail('interpreter', 'invalid');
  if (values.heard !== '' && !(heardAnswers as readonly string[]).includes(values.heard)) fail('heard', 'unknown');
  if (one(fieldNames.consent) !== 'yes') fail('consent', 'missing');

  if (errors.length > 0 || !phone.ok) return { values, errors };
  return {
    values,
    errors,
    data: {
      pageLang: values.lang,
      firstName,
      phone: phone.phone,
      language: values.language,
      contactMethod: values.contact as ContactMethod,
      bestTime: values.time,
      activities: values.activities,
      interpreter: values.interpreter,
      heardVia: values.heard as HeardAnswer | '',
      channel: allowed.channels?.includes(values.channel) ? values.channel : '',
    },
  };
}
