/** What src/server/server.ts and /api/interest hand to the pages they render (Astro.locals). */
declare namespace App {
  interface Locals {
    /**
     * The client's address, set by src/server/server.ts (src/forms/clientAddress.ts: the TCP peer,
     * or behind TRUST_PROXY what our proxy saw); Astro's own clientAddress believes any X-Forwarded-For.
     */
    clientAddress?: string;
    /** The receivers' store, secret and limiter, opened once by src/server/server.ts. */
    interest?: import('./interestRuntime.ts').InterestRuntime;
    /** Set by the interest receiver before /<lang>/interest/reply/ renders its answer in her language. */
    interestReply?: import('#src/forms/formDefinition.ts').FormReply<
      import('./validateInterest.ts').InterestValues,
      import('./validateInterest.ts').InterestError
    >;
  }
}
