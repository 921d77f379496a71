/**
 * POST: verifies a new passkey. From an invite: stores it on the account the invite was made for
 * (by id), uses up the invite (one transaction) and signs her in. Signed in and just confirmed
 * with a passkey: adds it as a further passkey. Either way the account holder gets a mail
 * ("a new passkey was added"), so a stolen link or a borrowed session does not go unseen.
 */
import type { APIRoute } from 'astro';
import type { RegistrationResponseJSON } from '@simplewebauthn/server';
import { isUnavailable } from '#src/store/inTransaction.ts';
import { verifyRegistration } from '#src/inbox/passkeys.ts';
import { mailAccountHolder } from '#src/inbox/accountMail.ts';
import { recordFailure } from '#src/inbox/staffFailures.ts';
import { freshStaff, invitedStaff, json, openPasskeyStep, plain, setSessionCookie } from '#src/inbox/staffAuth.ts';

export const prerender = false;

export const POST: APIRoute = async (context) => {
  const step = await openPasskeyStep(context);
  if (step instanceof Response) return step;
  const { inbox } = step;
  const { invite } = step.body;
  const response = step.body.response as RegistrationResponseJSON | undefined;
  if (!response || typeof response.id !== 'string') return json({ ok: false }, 400);
  try {
    if (typeof invite === 'string') {
      const invited = await invitedStaff(inbox, context, invite);
      if (invited instanceof Response) return invited;
      const passkey = await verifyRegistration(inbox.settings, invited, response);
      if (!passkey || !inbox.staff.redeemInvite(invite, passkey)) {
        recordFailure(inbox, { action: 'fail:invite:passkey', targetStaffId: invited.id });
        return json({ ok: false }, 401);
      }
      const session = inbox.staff.createSession(invited.id, new Date(), passkey.id);
      void mailAccountHolder(inbox, invited, 'passkeyAdded');
      return json({ ok: true }, 200, Object.fromEntries([setSessionCookie(inbox, session)]));
    }
    const staff = freshStaff(inbox, context);
    if (staff instanceof Response) return staff;
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
