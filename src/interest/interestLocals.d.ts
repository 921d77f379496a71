/** What src/server/server.ts and /api/interest hand to the pages they render (Astro.locals). */
declare namespace App {
  interface Locals {
    /** The TCP peer address, set by src/server/server.ts (Astro's clientAddress believes X-Forwarded-For). */
    remoteAddress?: string;
    /** The receiver's store, secret and limiter, opened once by src/server/server.ts. */
    interest?: import('./interestRuntime.ts').InterestRuntime;
    /** Set by /api/interest before it rewrites to /<lang>/interest/reply/ to answer in her language. */
    interestReply?:
      | {
          kind: 'form';
          status: 400 | 503;
          values: import('./validateInterest.ts').InterestValues;
          errors: import('./validateInterest.ts').InterestError[];
          token: string;
        }
      | { kind: 'busy'; status: 429; retryAfterSeconds: number };
  }
}
