/**
 * What the referral form shows, shared by the static page and the receiver's error answer:
 * the element id each error summary link jumps to, and each error's text.
 */
import { partnerTranslations, type PartnerKey } from '#src/referral/partnerTranslations.ts';
import type { ReferralLang } from './referralFields.ts';
import type { ReferralError, ReferralField } from './validateReferral.ts';

/** The id of the element an error links to (a group's first option). */
export const referralFieldIds: Record<ReferralField, string> = {
  referrerName: 'referral-referrer-name',
  referrerRole: 'referral-referrer-role',
  referrerOrg: 'referral-referrer-org',
  referrerContact: 'referral-referrer-contact',
  name: 'referral-name',
  phone: 'referral-phone',
  language: 'referral-language',
  interpreter: 'referral-interpreter',
  time: 'referral-time',
  activity: 'referral-activity',
  note: 'referral-note',
  consent: 'referral-consent',
  consentHow: 'referral-consent-how',
  feedback: 'referral-feedback',
  consentDate: 'referral-consent-date',
  form: 'referral-submit',
};

/** The error for one field, in the partner's language, or undefined. */
export function referralErrorText(lang: ReferralLang, errors: ReferralError[], field: ReferralField): string | undefined {
  const error = errors.find((e) => e.field === field);
  return error ? partnerTranslations(lang)(error.key as PartnerKey) : undefined;
}

/** The error summary's links, in the order of the form. */
export function referralSummaryItems(lang: ReferralLang, errors: ReferralError[]): { id: string; text: string }[] {
  const order = Object.keys(referralFieldIds) as ReferralField[];
  return [...errors]
    .sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field))
    .map((e) => ({ id: referralFieldIds[e.field], text: referralErrorText(lang, errors, e.field) ?? e.key }));
}
