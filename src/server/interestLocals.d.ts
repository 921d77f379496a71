/** What src/server/server.mjs and /api/interest hand to the pages they render (Astro.locals). */
declare namespace App {
  interface Locals {
    /** The TCP peer address, set by src/server/server.mjs (Astro's clientAddress believes X-Forwarded-For). */
    remoteAddress?: string;
    /** Set by /api/interest before it rewrites to /<lang>/interest/reply/ to answer in her language. */
    interestReply?:
      | {
          kind: 'form';
          status: 400 | 503;
          values: import('./validateInterest.mjs').InterestValues;
          errors: import('./validateInterest.mjs').InterestError[];
          token: string;
        }
      | { kind: 'busy'; status: 429; retryAfterSeconds: number };
  }
}
