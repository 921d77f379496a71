/**
 * POST: a registration challenge, for the account an invite was made for (rate-limited: invite
 * guesses count; a refused link is audited), or for the signed-in person adding another passkey,
 * which needs a passkey check within the last minutes (else 403 with `confirm: true`).
 */
import type { APIRoute } from 'astro';
import { inboxFor } from '#src/inbox/inboxContext.ts';
import { registrationOptions } from '#src/inbox/passkeys.ts';
import { recordFailure } from '#src/inbox/staffFailures.ts';
import { currentStaff, json, limitAttempts, plain, readJsonPost, sessionIdOf } from '#src/inbox/staffAuth.ts';

export const prerender = false;

export const POST: APIRoute = async (context) => {
  const inbox = await inboxFor(context.locals);
  const read = await readJsonPost(inbox, context);
  if (read instanceof Response) return read;
  const invite = read.body.invite;
  if (typeof invite === 'string') {
    const limited = await limitAttempts(inbox, context, 'invite');
    if (limited) return limited;
    const check = inbox.staff.checkInvite(invite);
    if (!check.ok) {
      recordFailure(inbox, { action: `fail:invite:${check.reason}`, targetStaffId: check.staffId });
      return json({ ok: false }, 401);
    }
    return json(await registrationOptions(inbox.settings, check.staff, inbox.staff.passkeysOf(check.staff.id)));
  }
  const staff = currentStaff(inbox, context.cookies);
  if (!staff) return json({ ok: false }, 401);
  if (!inbox.staff.isFreshSession(sessionIdOf(inbox, context.cookies))) {
    recordFailure(inbox, { action: 'fail:passkey:unconfirmed', staffId: staff.id, targetStaffId: staff.id });
    return json({ ok: false, confirm: true }, 403);
  }
  return json(await registrationOptions(inbox.settings, staff, inbox.staff.passkeysOf(staff.id)));
};

export const ALL: APIRoute = () => plain(405, 'POST only.');
