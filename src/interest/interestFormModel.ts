/**
 * What the interest form shows, shared by the static page and the server's error re-render:
 * the element id for each field (the error summary links to them), the error for a field,
 * the consent text and its version, and the phone example that must stay left-to-right.
 */
import { createHash } from 'node:crypto';
import { getLocale, type Lang } from '#src/i18n/locales.ts';
import { t, type UIKey } from '#src/i18n/translate.ts';
import { siteConfig } from '#site.config.ts';
import type { InterestError, InterestValues } from '#src/interest/validateInterest.ts';
import { localDigits } from '#src/i18n/localDigits.ts';

export type { InterestError, InterestValues };

/** The id of the element an error summary link jumps to (the first option of a group). */
export const fieldIds: Record<InterestError['field'], string> = {
  name: 'interest-name',
  phone: 'interest-phone',
  language: 'interest-language',
  contact: 'interest-contact-call',
  time: 'interest-time-any',
  activity: 'interest-activity',
  interpreter: 'interest-interpreter',
  heard: 'interest-heard',
  consent: 'interest-consent',
  form: 'interest-submit',
};

/** The error message for one field, in her language, or undefined. */
export function errorText(lang: Lang, errors: InterestError[], field: InterestError['field']): string | undefined {
  const error = errors.find((e) => e.field === field);
  return error ? t(lang, error.key as UIKey, { example: phoneExample(lang) }) : undefined;
}

/** The error summary's links, in the order the errors were found. */
export function interestSummaryItems(lang: Lang, errors: InterestError[]): { id: string; text: string }[] {
  return errors.map((e) => ({ id: fieldIds[e.field], text: errorText(lang, errors, e.field) ?? e.key }));
}

/**
 * Example phone number, isolated left-to-right (keeps "12 34 56 78" in order in Arabic text) and
 * never broken over lines, in her digits (the form reads them). Nastaliq's no-break space is a hairline, so Urdu gets figure spaces.
 */
export function phoneExample(lang: Lang): string {
  const space = getLocale(lang).font === 'nastaliq' ? '\u2007' : '\u00A0';
  return `\u2066${localDigits(['12', '34', '56', '78'].join(space), lang)}\u2069`;
}

/** The consent sentence exactly as she reads it. */
export function consentText(lang: Lang): string {
  return t(lang, 'interest.consent.label', { days: localDigits(siteConfig.retentionDays, lang) });
}

// The consent texts are fixed for a build: each language's version is worked out once.
const consentVersions = new Map<Lang, string>();

/** Version of the consent text she agreed to: the first 12 hex digits of its SHA-256. */
export function consentVersion(lang: Lang): string {
  let version = consentVersions.get(lang);
  if (version === undefined) {
    version = createHash('sha256').update(consentText(lang).normalize('NFC')).digest('hex').slice(0, 12);
    consentVersions.set(lang, version);
  }
  return version;
}
