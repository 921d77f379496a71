/**
 * Failures in the staff area go into the audit log (src/store/audit.ts, actions "fail:…"):
 * failed sign-ins and confirmations, refused invite links, 403s, rate-limit hits. A row holds the
 * action, who sent it when signed in, and the account it concerned; never a token, an address or
 * anything of a woman's. A burst of failures for one account mails its owner, once per burst.
 * What no account can be named for (a rate limit, a cross-site post without a session) is
 * written once per client and action per quarter hour, so a flood cannot fill the log.
 */
import { failureBurst, writeFailure } from '#src/store/audit.ts';
import { isUnavailable } from '#src/store/inTransaction.ts';
import type { Inbox } from './inboxContext.ts';
import { mailAccountHolder } from './accountMail.ts';

export interface Failure {
  /** fail:signin, fail:signin:unknown, fail:confirm, fail:invite:<reason>, fail:forbidden:<what>, fail:origin, fail:ratelimit:<where> … */
  action: `fail:${string}`;
  /** Who sent it, when signed in. */
  staffId?: number | null;
  /** The account it concerned (counts towards her burst). */
  targetStaffId?: number | null;
  /** For a failure no account is named for: the client key, so it is written once per window. */
  client?: string;
}

const maxQuietKeys = 10_000;

/** Writes the failure (and starts the burst mail); a locked database loses the row, never the answer. */
export function recordFailure(inbox: Inbox, failure: Failure, now = new Date()): void {
  if (failure.client !== undefined && failure.targetStaffId == null) {
    const key = `${failure.action} ${failure.client}`;
    const until = inbox.quietFailures.get(key);
    if (until !== undefined && until > now.getTime()) return;
    if (inbox.quietFailures.size >= maxQuietKeys) {
      for (const [k, t] of inbox.quietFailures) if (t <= now.getTime()) inbox.quietFailures.delete(k);
      if (inbox.quietFailures.size >= maxQuietKeys) return;
    }
    inbox.quietFailures.set(key, now.getTime() + failureBurst.windowMs);
  }
  try {
    const burst = writeFailure(
      inbox.db,
      { staffId: failure.staffId ?? null, action: failure.action, targetStaffId: failure.targetStaffId ?? null },
      now,
    );
    if (burst && failure.targetStaffId != null) void mailAccountHolder(inbox, inbox.staff.getStaff(failure.targetStaffId), 'failures', now);
  } catch (error) {
    if (!isUnavailable(error)) throw error;
    console.error('inbox: a failure could not be written to the audit log (database locked or full)');
  }
}
