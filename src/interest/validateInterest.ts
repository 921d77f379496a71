/**
 * Server-side validation of the interest form. The form must work with JavaScript off,
 * so this is the only check that counts; every error code maps to a UI string key
 * (`interest.error.<field>.<code>`) so the form shows it in her language.
 */
import { contactChannels } from '#src/site/contactLinks.ts';
import { formFieldNames } from '#src/forms/formDefinition.ts';
import { checkText, formErrors, formFields, nameMaxLength, validated } from '#src/forms/formFields.ts';
import { normalisePhone } from '#src/forms/normalisePhone.ts';
import { bestTimes } from '#src/interest/callbackTimes.ts';

/** How she wants to be contacted; 'visit' (we call first, then visit her at home) only where site.config.ts has homeVisits. */
export const contactMethods = [...contactChannels, 'visit'] as const;
export type ContactMethod = (typeof contactMethods)[number];

/** Answers to the optional "How did you hear about us?" ('' = not answered). */
export const heardAnswers = ['friend', 'flyer', 'meeting', 'professional', 'social', 'other'] as const;
export type HeardAnswer = (typeof heardAnswers)[number];

/** The form's field names, shared by the form component and the validator. */
export const fieldNames = formFieldNames(['name', 'phone', 'language', 'contact', 'time', 'activity', 'interpreter', 'consent', 'heard']);

/** Fields that may appear only once; a second copy is an error, not a silent pick. */
const singleFields: string[] = Object.values(fieldNames).filter((f) => f !== fieldNames.activity);

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
  const { one, all } = formFields(entries);
  // "Sent twice" reads the same for every field, so it has one string.
  const { errors, fail } = formErrors<InterestField>((field, code) =>
    code === 'repeated' ? 'interest.error.repeated' : `interest.error.${field}.${code}`,
  );

  const values: InterestValues = {
    lang: one(fieldNames.pageLang),
    name: one(fieldNames.name),
    phone: one(fieldNames.phone),
    language: one(fieldNames.language),
    contact: one(fieldNames.contact),
    time: one(fieldNames.time),
    activities: all(fieldNames.activity),
    interpreter: one(fieldNames.interpreter) !== '',
    consent: one(fieldNames.consent) !== '',
    heard: one(fieldNames.heard),
    channel: one(fieldNames.channel),
  };

  // Where a repeated field's error is shown.
  const shownAt: Record<string, InterestField> = { lang: 'language', token: 'form', extra_note: 'form', via: 'form' };
  for (const name of singleFields) {
    if (all(name).length > 1) fail(shownAt[name] ?? (name as InterestField), 'repeated');
  }

  const { text: firstName, code: nameError } = checkText(values.name, nameMaxLength);
  if (nameError) fail('name', nameError);

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

  const data = phone.ok && {
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
  };
  return validated(values, errors, data);
}
