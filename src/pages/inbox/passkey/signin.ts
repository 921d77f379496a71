/**
 * POST: verifies a passkey sign-in and starts a session. An unknown passkey, a revoked person and
 * a failed check all get the same 401; each is audited (fail:signin…, never the credential).
 */
import type { APIRoute } from 'astro';
import type { AuthenticationResponseJSON } from '@simplewebauthn/server';
import { isUnavailable } from '#src/store/inTransaction.ts';
import { verifyAuthentication } from '#src/inbox/passkeys.ts';
import { recordFailure } from '#src/inbox/staffFailures.ts';
import { json, openPasskeyStep, plain, setSessionCookie } from '#src/inbox/staffAuth.ts';

export const prerender = false;

export const POST: APIRoute = async (context) => {
  const step = await openPasskeyStep(context, { limit: 'signin' });
  if (step instanceof Response) return step;
  const { inbox } = step;
  const response = step.body.response as AuthenticationResponseJSON | undefined;
  const refused = () => json({ ok: false }, 401);
  try {
    const passkey = typeof response?.id === 'string' ? inbox.staff.findPasskey(response.id) : undefined;
    if (!response || !passkey) {
      recordFailure(inbox, { action: 'fail:signin:unknown' });
      return refused();
    }
    const staff = inbox.staff.getStaff(passkey.staffId);
    if (!staff || staff.revokedAt) {
      recordFailure(inbox, { action: 'fail:signin:revoked', targetStaffId: passkey.staffId });
      return refused();
    }
    const counter = await verifyAuthentication(inbox.settings, passkey, response);
    if (counter === undefined) {
      recordFailure(inbox, { action: 'fail:signin', targetStaffId: staff.id });
      return refused();
    }
    inbox.staff.usePasskey(passkey.id, counter);
    const session = inbox.staff.createSession(staff.id, new Date(), passkey.id);
    return json({ ok: true }, 200, Object.fromEntries([setSessionCookie(inbox, session)]));
  } catch (error) {
    if (isUnavailable(error)) return json({ ok: false }, 503);
    throw error;
  }
};

export const ALL: APIRoute = () => plain(405, 'POST only.');
