/**
 * Binds a form's fields to the shared field components (TextField, ChoiceGroup): the name sent,
 * the element ids (the error summary links to `ids[field]`) and the error shown, from one place
 * per form, so a form component only says what differs (label, choices, value).
 */
import type { Lang } from '#src/i18n/locales.ts';
import type { ActivityChoice } from '#src/interest/activityChoices.ts';

export interface FormBinding<Field extends string> {
  /** The page's language. */
  lang: Lang;
  /** Prefix of every element id: "interest" gives "interest-name", "interest-time-any". */
  prefix: string;
  /** The name each field is sent under. */
  names: Partial<Record<Field, string>>;
  /** The id of each field's element (a group's first option), where an error links to. */
  ids: Record<Field, string>;
  /** The error shown at a field, in the page's language, or undefined. */
  errorOf: (field: Field) => string | undefined;
}

/** Props for one field of the form, by its key: `text()` for TextField, `group()` for ChoiceGroup. */
export function formBinder<Field extends string>({ lang, prefix, names, ids, errorOf }: FormBinding<Field>) {
  // "consentHow" → "<prefix>-consent-how": the base of a group's option, hint and error ids.
  const idBase = (field: Field) => `${prefix}-${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  const id = (field: Field) => ids[field];
  const name = (field: Field) => names[field] ?? field;
  return {
    text: (field: Field) => ({ lang, id: id(field), name: name(field), error: errorOf(field) }),
    group: (field: Field) => ({ lang, name: name(field), idBase: idBase(field), firstId: id(field), error: errorOf(field) }),
  };
}

/** What a form component is given: the page, what the fields hold, the errors, the token, the activities. */
export interface FormProps<L extends Lang, Values, Error> {
  /** The page's language. */
  lang: L;
  /** What the fields hold. */
  values: Values;
  /** Errors to show. @default [] */
  errors?: Error[];
  /** The signed start-time token (the static page carries a placeholder the server replaces). */
  token: string;
  /** The activities she can be interested in. */
  activities: ActivityChoice[];
}
