/** What /api/referral hands to the page it renders (Astro.locals). */
declare namespace App {
  interface Locals {
    /** Set by /api/referral before it rewrites to /<da|en>/partners/refer/reply/: the form again, or "wait a little". */
    referralReply?:
      | {
          kind: 'form';
          status: 400 | 503;
          values: import('./validateReferral.ts').ReferralValues;
          errors: import('./validateReferral.ts').ReferralError[];
          token: string;
        }
      | { kind: 'busy'; status: 429; retryAfterSeconds: number };
  }
}
