/**
 * Server-side validation of the partner referral, the only check that counts (the form works
 * with JavaScript off). Each error has a key `referral.error.<field>.<code>` in the partners'
 * strings (src/referral/strings/), so the form shows it in Danish or English.
 */
import { bestTimes } from '#src/interest/callbackTimes.ts';
import { checkText, formErrors, formFields, nameMaxLength, validated } from '#src/forms/formFields.ts';
import { hasForbiddenCharacters, normalisePhone } from '#src/forms/normalisePhone.ts';
import {
  consentConfirmations,
  consentMaxAgeDays,
  consentWays,
  noteMaxLength,
  referralFieldNames as f,
  textMaxLength,
  type ConsentWay,
} from './referralFields.ts';

export type ReferralField =
  | 'referrerName'
  | 'referrerRole'
  | 'referrerOrg'
  | 'referrerContact'
  | 'name'
  | 'phone'
  | 'language'
  | 'interpreter'
  | 'time'
  | 'activity'
  | 'note'
  | 'consent'
  | 'consentHow'
  | 'feedback'
  | 'consentDate'
  | 'form';

export interface ReferralError {
  field: ReferralField;
  code: string;
  /** The partners' string key, e.g. "referral.error.consent.missing". */
  key: string;
}

/** What the partner sent, kept as typed so the form can show it again. */
export interface ReferralValues {
  lang: string;
  referrerName: string;
  referrerRole: string;
  referrerOrg: string;
  referrerContact: string;
  name: string;
  phone: string;
  languages: string[];
  languageOther: string;
  interpreter: boolean;
  time: string;
  activities: string[];
  note: string;
  consent: string[];
  consentHow: string;
  feedback: string;
  consentDate: string;
  channel: string;
}

/** A referral ready to store. */
export interface ValidReferral {
  pageLang: string;
  firstName: string;
  phone: string;
  /** Her languages, site codes first; the first is the one staff write to her in. */
  languages: string[];
  /** Another language she speaks, as the partner wrote it ('' for none). */
  languageOther: string;
  interpreter: boolean;
  bestTime: string;
  activities: string[];
  note: string;
  referrer: { name: string; role: string; organisation: string; contact: string };
  consent: { how: ConsentWay; feedback: boolean; date: string };
  /** The channel code the partner's form page carried ('' for none). */
  channel: string;
}

/** A fresh form: today's date (Copenhagen) and nothing else. */
export function emptyReferralValues(lang: string, today: string): ReferralValues {
  return {
    lang,
    referrerName: '',
    referrerRole: '',
    referrerOrg: '',
    referrerContact: '',
    name: '',
    phone: '',
    languages: [],
    languageOther: '',
    interpreter: false,
    time: 'any',
    activities: [],
    note: '',
    consent: [],
    consentHow: '',
    feedback: '',
    consentDate: today,
    channel: '',
  };
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;
const dayMs = 24 * 60 * 60 * 1000;

/** Days from `from` to `to`, both YYYY-MM-DD. */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);
}

/** True for a real calendar date in YYYY-MM-DD (no 31 February). */
function isCalendarDate(value: string): boolean {
  if (!datePattern.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * Validates one referral.
 * @param entries  the form's entries in order
 * @param allowed  known site languages, activity slugs and channel codes, and today's date (YYYY-MM-DD, Copenhagen)
 */
export function validateReferral(
  entries: Iterable<[string, unknown]>,
  allowed: { langs: readonly string[]; activities: readonly string[]; channels: readonly string[]; today: string },
): { values: ReferralValues; errors: ReferralError[]; data?: ValidReferral } {
  const { one, all } = formFields(entries);
  const { errors, fail } = formErrors<ReferralField>((field, code) => `referral.error.${field}.${code}`);

  const values: ReferralValues = {
    lang: one(f.pageLang),
    referrerName: one(f.referrerName),
    referrerRole: one(f.referrerRole),
    referrerOrg: one(f.referrerOrg),
    referrerContact: one(f.referrerContact),
    name: one(f.name),
    phone: one(f.phone),
    languages: all(f.language),
    languageOther: one(f.languageOther),
    interpreter: one(f.interpreter) !== '',
    time: one(f.time),
    activities: all(f.activity),
    note: one(f.note),
    consent: all(f.consent),
    consentHow: one(f.consentHow),
    feedback: one(f.feedback),
    consentDate: one(f.consentDate),
    channel: one(f.channel),
  };

  const multiple = new Set<string>([f.language, f.activity, f.consent]);
  for (const name of Object.values(f)) {
    if (!multiple.has(name) && all(name).length > 1) fail('form', 'repeated');
  }

  const text = (field: ReferralField, raw: string, required: boolean, max = textMaxLength): string => {
    const { text: clean, code } = checkText(raw, max, required);
    if (code) fail(field, code);
    return clean;
  };
  const referrer = {
    name: text('referrerName', values.referrerName, true),
    role: text('referrerRole', values.referrerRole, true),
    organisation: text('referrerOrg', values.referrerOrg, true),
    contact: text('referrerContact', values.referrerContact, true),
  };
  if (referrer.contact !== '' && !errors.some((e) => e.field === 'referrerContact')) {
    const asPhone = normalisePhone(referrer.contact);
    if (!emailPattern.test(referrer.contact) && !asPhone.ok) fail('referrerContact', 'invalid');
  }

  const firstName = text('name', values.name, true, nameMaxLength);
  const phone = normalisePhone(values.phone);
  if (!phone.ok) fail('phone', phone.code);

  const languageOther = text('language', values.languageOther, false);
  if (values.languages.some((l) => !allowed.langs.includes(l))) fail('language', 'unknown');
  else if (new Set(values.languages).size !== values.languages.length) fail('language', 'unknown');
  else if (values.languages.length === 0 && languageOther === '') fail('language', 'missing');

  if (values.interpreter && one(f.interpreter) !== 'yes') fail('interpreter', 'invalid');
  if (!(bestTimes as readonly string[]).includes(values.time)) fail('time', 'unknown');
  if (values.activities.some((a) => !allowed.activities.includes(a)) || new Set(values.activities).size !== values.activities.length) {
    fail('activity', 'unknown');
  }
  // Line breaks are fine in a note; other control characters are not.
  const note = values.note.normalize('NFC').replace(/\r\n?/g, '\n').trim();
  if (hasForbiddenCharacters(note.replace(/\n/g, ' '))) fail('note', 'invalid');
  else if ([...note].length > noteMaxLength) fail('note', 'tooLong');

  const confirmed = consentConfirmations.every((c) => values.consent.includes(c));
  if (!confirmed || values.consent.some((c) => !(consentConfirmations as readonly string[]).includes(c))) fail('consent', 'missing');
  if (!(consentWays as readonly string[]).includes(values.consentHow)) fail('consentHow', 'missing');
  if (values.feedback !== 'yes' && values.feedback !== 'no') fail('feedback', 'missing');
  const date = values.consentDate.trim();
  if (date === '') fail('consentDate', 'missing');
  else if (!isCalendarDate(date)) fail('consentDate', 'invalid');
  else if (daysBetween(allowed.today, date) > 0) fail('consentDate', 'future');
  else if (daysBetween(date, allowed.today) > consentMaxAgeDays) fail('consentDate', 'tooOld');

  // An unknown code is not her fault: the referral goes through without one.
  const channel = allowed.channels.includes(values.channel) ? values.channel : '';

  // Who referred her and how she agreed, then her, as the partner told it.
  const consent = { how: values.consentHow as ConsentWay, feedback: values.feedback === 'yes', date };
  const data = phone.ok && {
    referrer,
    consent,
    note,
    pageLang: values.lang,
    firstName,
    phone: phone.phone,
    languages: allowed.langs.filter((l) => values.languages.includes(l)),
    languageOther,
    interpreter: values.interpreter,
    bestTime: values.time,
    activities: values.activities,
    channel,
  };
  return validated(values, errors, data);
}
