/**
 * The steps every form's validator takes the same way (src/interest/validateInterest.ts,
 * src/referral/validateReferral.ts): reading the entries as text, collecting at most one error per
 * field, checking a typed text, and answering with the data only when nothing failed.
 */
import { hasForbiddenCharacters } from './normalisePhone.ts';
import type { Validated } from './formDefinition.ts';

/** Her first name, in any script: at most this many characters, in every form. */
export const nameMaxLength = 60;

/** A post's values by field name, as text: a file reads as "\u0000", a value nobody could have typed. */
export function formFields(entries: Iterable<[string, unknown]>) {
  const fields = new Map<string, string[]>();
  for (const [key, value] of entries) fields.set(key, [...(fields.get(key) ?? []), typeof value === 'string' ? value : '\u0000']);
  return {
    /** The first value sent under `name`, '' for none. */
    one: (name: string) => fields.get(name)?.[0] ?? '',
    /** Every value sent under `name`, in order. */
    all: (name: string) => fields.get(name) ?? [],
  };
}

/** The errors of one validation, in the order found, at most one per field; `keyOf` names each one's UI string. */
export function formErrors<Field extends string>(keyOf: (field: Field, code: string) => string) {
  const errors: { field: Field; code: string; key: string }[] = [];
  const fail = (field: Field, code: string) => {
    if (!errors.some((e) => e.field === field)) errors.push({ field, code, key: keyOf(field, code) });
  };
  return { errors, fail };
}

/**
 * A typed text (a name, a role) cleaned (NFC, trimmed), and why it fails, if it does: a control or
 * bidi character ("invalid"), nothing typed when `required` ("missing"), or more than `max` characters ("tooLong").
 */
export function checkText(raw: string, max: number, required = true): { text: string; code?: 'invalid' | 'missing' | 'tooLong' } {
  const text = raw.normalize('NFC').trim();
  if (hasForbiddenCharacters(text)) return { text, code: 'invalid' };
  if (text === '' && required) return { text, code: 'missing' };
  if ([...text].length > max) return { text, code: 'tooLong' };
  return { text };
}

/** The validation's answer: with `data` only when there is no error and the data could be made. */
export function validated<Values, Error, Data>(values: Values, errors: Error[], data: Data | false): Validated<Values, Error, Data> {
  return errors.length > 0 || data === false ? { values, errors } : { values, errors, data };
}
