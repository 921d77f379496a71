/**
 * The inbox's services for one server process: the database (the interest store's file), the
 * requests and staff stores, the settings and the sign-in rate limit. The Node server creates it
 * once and hands it to every page through Astro.locals.inbox; the dev server opens it on first use.
 */
import type { DatabaseSync } from 'node:sqlite';
import { resolveDataDir } from '#src/interest/interestStore.ts';
import { createRateLimiter } from '#src/interest/interestRateLimit.ts';
import { openInboxDb } from './inboxDb.ts';
import { inboxSettings, type InboxSettings } from './inboxSettings.ts';
import { requestsStore } from './requestsStore.ts';
import { staffStore } from './staffStore.ts';
import { smtpMailer, type Mailer } from './mailNotices.ts';

export interface Inbox {
  db: DatabaseSync;
  requests: ReturnType<typeof requestsStore>;
  staff: ReturnType<typeof staffStore>;
  settings: InboxSettings;
  /** Sign-in and invite attempts per client. */
  limiter: ReturnType<typeof createRateLimiter>;
  /** Undefined when SMTP_URL is not set: then no mail is sent. */
  mailer: Mailer | undefined;
}

export function createInbox(
  siteConfig: { siteUrl: string; name: string; retentionDays: number },
  env: Record<string, string | undefined> = process.env,
  db: DatabaseSync = openInboxDb({ dataDir: resolveDataDir(env.DATA_DIR) }),
): Inbox {
  const settings = inboxSettings(siteConfig, env);
  return {
    db,
    requests: requestsStore(db),
    staff: staffStore(db),
    settings,
    limiter: createRateLimiter(settings.rateLimit),
    mailer: smtpMailer(env),
  };
}

let shared: Inbox | undefined;

/** The server's inbox from locals, or (dev server, tests) one opened here on first use. */
export async function inboxFor(locals: { inbox?: Inbox }): Promise<Inbox> {
  if (locals.inbox) return locals.inbox;
  if (!shared) {
    const { siteConfig } = await import('#site.config.ts');
    shared = createInbox(siteConfig);
  }
  return shared;
}
