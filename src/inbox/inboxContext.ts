/**
 * The inbox's services for one server process: the requests and staff stores on the server's
 * open database (one connection to the one file), the settings and the sign-in rate limit.
 * The Node server creates it once and hands it to every page through Astro.locals.inbox; the dev
 * server (no Node server of ours) opens it on first use.
 */
import { createRateLimiter } from '#src/forms/formRateLimit.ts';
import { openStore, type Database } from '#src/store/openStore.ts';
import { requestsStore, type RequestsStore } from '#src/store/requests.ts';
import { staffStore, type StaffStore } from '#src/store/staff.ts';
import { inboxSettings, type InboxSettings } from './inboxSettings.ts';
import { smtpMailer, type Mailer } from './mailNotices.ts';

export interface Inbox {
  db: Database;
  requests: RequestsStore;
  staff: StaffStore;
  settings: InboxSettings;
  /** Sign-in and invite attempts per client. */
  limiter: ReturnType<typeof createRateLimiter>;
  /** Undefined when SMTP_URL is not set: then no mail is sent. */
  mailer: Mailer | undefined;
  /** Failures without an account, already written for a client: key → until when (./staffFailures.ts). */
  quietFailures: Map<string, number>;
}

type SiteFacts = { siteUrl: string; name: string; retentionDays: number };

/** The inbox on an open (and migrated) database (src/store/openStore.ts). */
export function createInbox(siteConfig: SiteFacts, db: Database, env: Record<string, string | undefined> = process.env): Inbox {
  const settings = inboxSettings(siteConfig, env);
  return {
    db,
    requests: requestsStore(db),
    staff: staffStore(db),
    settings,
    limiter: createRateLimiter(settings.rateLimit),
    mailer: smtpMailer(env),
    quietFailures: new Map(),
  };
}

let devInbox: Inbox | undefined;

/** The server's inbox from locals; under `astro dev` one opened here, once. */
export async function inboxFor(locals: { inbox?: Inbox }): Promise<Inbox> {
  if (locals.inbox) return locals.inbox;
  if (!devInbox) {
    const { siteConfig } = await import('#site.config.ts');
    devInbox = createInbox(siteConfig, openStore().db);
  }
  return devInbox;
}
