/**
 * POST: "confirm with your passkey" inside a session. A passkey of hers answers a challenge issued
 * for her; then the session counts as just checked (src/store/sessions.ts freshCheckMs), which
 * adding a passkey needs. Anything else is a 401, audited as fail:confirm.
 */
import type { APIRoute } from 'astro';
import type { AuthenticationResponseJSON } from '@simplewebauthn/server';
import { isUnavailable } from '#src/store/inTransaction.ts';
import { verifyAuthentication } from '#src/inbox/passkeys.ts';
import { recordFailure } from '#src/inbox/staffFailures.ts';
import { json, openPasskeyStep, plain, sessionIdOf } from '#src/inbox/staffAuth.ts';

export const prerender = false;

export const POST: APIRoute = async (context) => {
  const step = await openPasskeyStep(context, { signedIn: true, limit: 'confirm' });
  if (step instanceof Response) return step;
  const { inbox, staff } = step;
  // A signed-in person came with her session cookie: the check only narrows the types.
  const session = sessionIdOf(inbox, context.cookies);
  if (!staff || !session) return json({ ok: false }, 401);
  const response = step.body.response as AuthenticationResponseJSON | undefined;
  try {
    const passkey = response && typeof response.id === 'string' ? inbox.staff.findPasskey(response.id) : undefined;
    const counter =
      passkey && passkey.staffId === staff.id
        ? await verifyAuthentication(inbox.settings, passkey, response!, `confirm:${staff.id}`)
        : undefined;
    if (!passkey || counter === undefined) {
      recordFailure(inbox, { action: 'fail:confirm', staffId: staff.id, targetStaffId: staff.id });
      return json({ ok: false }, 401);
    }
    inbox.staff.usePasskey(passkey.id, counter);
    inbox.staff.confirmSession(session, staff.id);
    return json({ ok: true });
  } catch (error) {
    if (isUnavailable(error)) return json({ ok: false }, 503);
    throw error;
  }
};

export const ALL: APIRoute = () => plain(405, 'POST only.');
