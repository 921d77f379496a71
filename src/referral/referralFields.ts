/**
 * The partner referral's vocabulary, shared by the form page, the receiver and the inbox:
 * the languages the form exists in, the field names sent, the choices and the limits.
 */
import { formFieldNames } from '#src/forms/formDefinition.ts';

/** Partners read Danish or English: the referral form exists in these two. */
export const referralLangs = ['da', 'en'] as const;
export type ReferralLang = (typeof referralLangs)[number];

/** The form's field names (what the browser sends). */
export const referralFieldNames = formFieldNames([
  'referrerName',
  'referrerRole',
  'referrerOrg',
  'referrerContact',
  'name',
  'phone',
  'language',
  'languageOther',
  'interpreter',
  'time',
  'activity',
  'note',
  'consent',
  'consentHow',
  'feedback',
  'consentDate',
]);

/** The three things the referrer confirms; all are required. */
export const consentConfirmations = ['explained', 'agrees', 'voluntary'] as const;
export type ConsentConfirmation = (typeof consentConfirmations)[number];

/** How the woman gave her consent. */
export const consentWays = ['oral', 'slip'] as const;
export type ConsentWay = (typeof consentWays)[number];

/** The note about her: short, and never health details. */
export const noteMaxLength = 300;
/** Names, roles, organisations and the other language, as typed. */
export const textMaxLength = 100;
/** A consent older than this is asked again rather than relied on. */
export const consentMaxAgeDays = 90;
