/**
 * Mails to a staff member about her own account: "a new passkey was added" and "several attempts
 * failed". Only to her, only when SMTP is set up and she has an address; never anything about a
 * request or any woman, never a token. Sent after the answer, so a slow mail server delays
 * nothing; a failure is logged by its code only.
 */
import { staffTranslations } from '#src/inbox/staffTranslations.ts';
import type { StaffMember } from '#src/store/staff.ts';
import type { Inbox } from './inboxContext.ts';
import { formatDateTime } from './requestView.ts';

export type AccountMailKind = 'passkeyAdded' | 'failures';

/** Subject and body of a mail about her account, in her language. */
export function accountMailText(kind: AccountMailKind, staff: Pick<StaffMember, 'lang'>, origin: string, now: Date) {
  const t = staffTranslations(staff.lang);
  const vars = { time: formatDateTime(now.toISOString(), staff.lang), link: new URL('/inbox/me/', origin).href };
  return { subject: t(`mail.${kind}.subject`), text: `${t(`mail.${kind}.body`, vars)}\n` };
}

/** Sends it in the background; resolves true when sent (tests wait for it, pages do not). */
export function mailAccountHolder(inbox: Inbox, staff: StaffMember | undefined, kind: AccountMailKind, now = new Date()): Promise<boolean> {
  if (!inbox.mailer || !staff?.email || staff.revokedAt) return Promise.resolve(false);
  const { subject, text } = accountMailText(kind, staff, inbox.settings.origin, now);
  return inbox.mailer.send([staff.email], subject, text).then(
    () => true,
    (error: unknown) => {
      console.error(`inbox: account mail failed (${(error as { code?: string }).code ?? 'unknown error'})`);
      return false;
    },
  );
}
