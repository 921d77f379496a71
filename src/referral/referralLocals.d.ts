/** What /api/referral hands to the page it renders (Astro.locals). */
declare namespace App {
  interface Locals {
    /** Set by the referral receiver before /<da|en>/partners/refer/reply/ renders: the form again, or "wait a little". */
    referralReply?: import('#src/forms/formDefinition.ts').FormReply<
      import('./validateReferral.ts').ReferralValues,
      import('./validateReferral.ts').ReferralError
    >;
  }
}
