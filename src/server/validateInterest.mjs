/**
 * Server-side validation of the interest form. The form must work with JavaScript off,
 * so this is the only check that counts; every error code maps to a UI string key
 * (`interest.error.<field>.<code>`) so the form shows it in her language.
 * Plain Node ESM (JSDoc types): imported by the Astro endpoint, the form component and tests.
 */

/** How she wants to be contacted; 'visit' (call first, then a home visit) only where site.config.ts has homeVisits. */
export const contactMethods = /** @type {const} */ (['call', 'sms', 'whatsapp', 'visit']);
/** When to call her. "any" is the preset. */
export const bestTimes = /** @type {const} */ (['any', 'morning', 'afternoon', 'evening']);

/** The form's field names, shared by the form component and the validator. */
export const fieldNames = /** @type {const} */ ({
  pageLang: 'lang',
  name: 'name',
  phone: 'phone',
  language: 'language',
  contact: 'contact',
  time: 'time',
  activity: 'activity',
  interpreter: 'interpreter',
  consent: 'consent',
  token: 'token',
  honeypot: 'extra_note',
});

/** Fields that may appear only once; a second copy is an error, not a silent pick. */
const singleFields = Object.values(fieldNames).filter((f) => f !== fieldNames.activity);

export const nameMaxLength = 60;
export const phoneMinDigits = 8;
export const phoneMaxDigits = 15;

// Embeddings, overrides and isolates (U+202A–202E, U+2066–2069) can make text display as
// something else; C0/C1 controls and line separators break CSV and logs. ZWNJ/ZWJ stay allowed:
// Persian and Urdu spelling needs them.
const forbiddenText = /[\p{Cc}\u202A-\u202E\u2066-\u2069\u2028\u2029]/u;

/** True when `text` holds a bidi override/embedding/isolate or a control character. */
export function hasForbiddenCharacters(text) {
  return forbiddenText.test(text);
}

/**
 * Normalises a phone number as people type it: Arabic-Indic (٠-٩) and Persian (۰-۹) digits,
 * spaces, dashes, dots, brackets, "+45"/"0045". Eight digits without a country code are Danish.
 * @param {string} raw
 * @returns {{ ok: true, phone: string } | { ok: false, code: 'missing' | 'invalid' }}
 */
export function normalisePhone(raw) {
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

/**
 * @typedef {object} InterestValues  What she sent, kept as typed so the form can show it again.
 * @property {string} lang
 * @property {string} name
 * @property {string} phone
 * @property {string} language
 * @property {string} contact
 * @property {string} time
 * @property {string[]} activities
 * @property {boolean} interpreter
 * @property {boolean} consent
 */

/**
 * @typedef {object} InterestError
 * @property {'name'|'phone'|'language'|'contact'|'time'|'activity'|'interpreter'|'consent'|'form'} field
 * @property {string} code
 * @property {string} key  UI string key, e.g. "interest.error.phone.invalid" ("interest.error.repeated" for any field sent twice).
 */

/**
 * @typedef {object} ValidInterest
 * @property {string} pageLang
 * @property {string} firstName
 * @property {string} phone
 * @property {string} language
 * @property {'call'|'sms'|'whatsapp'|'visit'} contactMethod
 * @property {string} bestTime
 * @property {string[]} activities
 * @property {boolean} interpreter
 */

/** Empty values for a fresh form, preset to the page's language. @param {string} lang @returns {InterestValues} */
export function emptyInterestValues(lang) {
  return { lang, name: '', phone: '', language: lang, contact: 'call', time: 'any', activities: [], interpreter: false, consent: false };
}

/**
 * Validates one submission.
 * @param {Iterable<[string, unknown]>} entries  The form's entries in order (FormData, URLSearchParams).
 * @param {{ langs: readonly string[], activities: readonly string[] }} allowed  Known languages and activity slugs.
 * @returns {{ values: InterestValues, errors: InterestError[], data?: ValidInterest }}
 */
export function validateInterest(entries, allowed) {
  /** @type {Map<string, string[]>} */
  const fields = new Map();
  for (const [key, value] of entries) {
    // A file upload is not text: treat it as a value nobody could have typed.
    const text = typeof value === 'string' ? value : '\u0000';
    fields.set(key, [...(fields.get(key) ?? []), text]);
  }
  const one = (/** @type {string} */ name) => fields.get(name)?.[0] ?? '';
  /** @type {InterestError[]} */
  const errors = [];
  const fail = (/** @type {InterestError['field']} */ field, /** @type {string} */ code) => {
    // "Sent twice" reads the same for every field, so it has one string.
    const key = code === 'repeated' ? 'interest.error.repeated' : `interest.error.${field}.${code}`;
    if (!errors.some((e) => e.field === field)) errors.push({ field, code, key });
  };

  const values = {
    lang: one(fieldNames.pageLang),
    name: one(fieldNames.name),
    phone: one(fieldNames.phone),
    language: one(fieldNames.language),
    contact: one(fieldNames.contact),
    time: one(fieldNames.time),
    activities: fields.get(fieldNames.activity) ?? [],
    interpreter: one(fieldNames.interpreter) !== '',
    consent: one(fieldNames.consent) !== '',
  };

  /** @type {Record<string, InterestError['field']>} where a repeated field's error is shown */
  const shownAt = { lang: 'language', token: 'form', extra_note: 'form' };
  for (const name of singleFields) {
    if ((fields.get(name)?.length ?? 0) > 1) fail(shownAt[name] ?? /** @type {any} */ (name), 'repeated');
  }

  const firstName = values.name.normalize('NFC').trim();
  if (hasForbiddenCharacters(firstName)) fail('name', 'invalid');
  else if (firstName === '') fail('name', 'missing');
  else if ([...firstName].length > nameMaxLength) fail('name', 'tooLong');

  const phone = normalisePhone(values.phone);
  if (!phone.ok) fail('phone', phone.code);

  if (!allowed.langs.includes(values.lang) || !allowed.langs.includes(values.language)) fail('language', 'unknown');
  if (!/** @type {readonly string[]} */ (contactMethods).includes(values.contact)) fail('contact', 'unknown');
  if (!/** @type {readonly string[]} */ (bestTimes).includes(values.time)) fail('time', 'unknown');
  if (values.activities.some((a) => !allowed.activities.includes(a))) fail('activity', 'unknown');
  else if (new Set(values.activities).size !== values.activities.length) fail('activity', 'repeated');
  if (values.interpreter && one(fieldNames.interpreter) !== 'yes') fail('interpreter', 'invalid');
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
      contactMethod: /** @type {ValidInterest['contactMethod']} */ (values.contact),
      bestTime: values.time,
      activities: values.activities,
      interpreter: values.interpreter,
    },
  };
}
