/** What src/server/server.ts hands to the inbox pages (Astro.locals). */
declare namespace App {
  interface Locals {
    /** The inbox's database and stores, opened once by the server. */
    inbox?: import('./inboxContext.ts').Inbox;
    /** Set before an inbox action rewrites to /inbox/problem/ (503 when the database is locked or full). */
    inboxProblem?: 'unavailable';
    /** Set by the invite action for /inbox/staff/ to show the one-time link once. */
    inboxInvite?: { name: string; link: string; mailed: boolean };
  }
}
