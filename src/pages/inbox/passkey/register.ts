/**
 * POST: verifies a new passkey. From an invite: stores it on the account the invite was made for
 * (by id), uses up the invite (one transaction) and signs her in. Signed in and just confirmed
 * with a passkey: adds it as a further passkey. Either way the account holder gets a mail
 * ("a new passkey was added"), so a stolen link or a borrowed session does not go unseen.
 */
import type { APIRoute } from 'astro';
import type { RegistrationResponseJSON } from '@simplewebauthn/server';
import { inboxFor } from '#src/inbox/inboxContext.ts';
import { isUnavailable } from '#src/store/inTransaction.ts';
import { verifyRegistration } from '#src/inbox/passkeys.ts';
import { mailAccountHolder } from '#src/inbox/accountMail.ts';
import { recordFailure } from '#src/inbox/staffFailures.ts';
import { currentStaff, json, limitAttempts, plain, readJsonPost, sessionIdOf, setSessionCookie } from '#src/inbox/staffAuth.ts';

export const prerender = false;

export const POST: APIRoute = async (context) => {
  const inbox = await inboxFor(context.locals);
  const read = await readJsonPost(inbox, context);
  if (read instanceof Response) return read;
  const { invite } = read.body;
  const response = read.body.response as RegistrationResponseJSON | undefined;
  if (!response || typeof response.id !== 'string') return json({ ok: false }, 400);
  try {
    if (typeof invite === 'string') {
      const limited = await limitAttempts(inbox, context, 'invite');
      if (limited) return limited;
      const check = inbox.staff.checkInvite(invite);
      if (!check.ok) {
        recordFailure(inbox, { action: `fail:invite:${check.reason}`, targetStaffId: check.staffId });
        return json({ ok: false }, 401);
      }
      const passkey = await verifyRegistration(inbox.settings, check.staff, response);
      if (!passkey || !inbox.staff.redeemInvite(invite, passkey)) {
        recordFailure(inbox, { action: 'fail:invite:passkey', targetStaffId: check.staff.id });
        return json({ ok: false }, 401);
      }
      const session = inbox.staff.createSession(check.staff.id, new Date(), passkey.id);
      void mailAccountHolder(inbox, check.staff, 'passkeyAdded');
      return json({ ok: true }, 200, Object.fromEntries([setSessionCookie(inbox, session)]));
    }
    const staff = currentStaff(inbox, context.cookies);
    if (!staff) return json({ ok: false }, 401);
    if (!inbox.staff.isFreshSession(sessionIdOf(inbox, context.cookies))) {
      recordFailure(inbox, { action: 'fail:passkey:unconfirmed', staffId: staff.id, targetStaffId: staff.id });
      return json({ ok: false, confirm: true }, 403);
    }
    const passkey = await verifyRegistration(inbox.settings, staff, response);
    if (!passkey) {
      recordFailure(inbox, { action: 'fail:passkey:add', staffId: staff.id, targetStaffId: staff.id });
      return json({ ok: false }, 401);
    }
    inbox.staff.addPasskey(passkey);
    void mailAccountHolder(inbox, staff, 'passkeyAdded');
    return json({ ok: true });
  } catch (error) {
    if (isUnavailable(error)) return json({ ok: false }, 503);
    throw error;
  }
};

export const ALL: APIRoute = () => plain(405, 'POST only.');
