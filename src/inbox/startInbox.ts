/**
 * The inbox's part of the server's start, on the database the server opened: say once whether mail is
 * configured, start the mail notices, and purge daily: sessions past their time, audit rows past a
 * year, orphaned attempts, and (on the requests' schedule, `retentionDays`) used and expired
 * invites and revoked accounts.
 */
import type { Database } from '#src/store/openStore.ts';
import { purgeAudit } from '#src/store/audit.ts';
import { createInbox, type Inbox } from './inboxContext.ts';
import { startNotices } from './mailNotices.ts';

export function startInbox(
  siteConfig: { siteUrl: string; name: string; retentionDays: number },
  db: Database,
  env: Record<string, string | undefined> = process.env,
): Inbox {
  const inbox = createInbox(siteConfig, db, env);
  if (inbox.mailer) {
    const interval = Number(env.NOTICE_INTERVAL_MS);
    startNotices(
      { db: inbox.db, mailer: inbox.mailer, origin: inbox.settings.origin, recipients: () => inbox.staff.noticeRecipients() },
      Number.isFinite(interval) && interval >= 100 ? interval : 60_000,
    );
  } else {
    console.log('inbox: SMTP_URL is not set, so no notice mails are sent (staff see new requests in /inbox/)');
  }
  const housekeeping = () => {
    try {
      inbox.staff.purgeSessions();
      const staff = inbox.staff.purgeStaff(inbox.settings.retentionDays);
      if (staff.accounts > 0)
        console.log(`inbox: ${staff.accounts} accounts revoked more than ${inbox.settings.retentionDays} days ago deleted`);
      purgeAudit(inbox.db);
      inbox.requests.dropOrphanAttempts();
    } catch (error) {
      console.error(`inbox: daily housekeeping failed (${(error as { code?: string }).code ?? 'unknown error'})`);
    }
  };
  housekeeping();
  setInterval(housekeeping, 24 * 60 * 60 * 1000).unref();
  return inbox;
}
