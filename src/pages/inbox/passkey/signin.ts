/**
 * POST: verifies a passkey sign-in and starts a session. An unknown passkey, a revoked person and
 * a failed check all get the same 401.
 */
import type { APIRoute } from 'astro';
import type { AuthenticationResponseJSON } from '@simplewebauthn/server';
import { inboxFor } from '#src/inbox/inboxContext.ts';
import { isUnavailable } from '#src/store/inTransaction.ts';
import { verifyAuthentication } from '#src/inbox/passkeys.ts';
import { clientOf, json, plain, readJsonPost, setSessionCookie } from '#src/inbox/staffAuth.ts';

export const prerender = false;

export const POST: APIRoute = async ({ request, locals, clientAddress }) => {
  const inbox = await inboxFor(locals);
  const read = await readJsonPost(inbox, request);
  if (read instanceof Response) return read;
  if (!inbox.limiter.hit(await clientOf(locals, clientAddress)).allowed) return plain(429, 'Too many attempts.');
  const response = read.body.response as AuthenticationResponseJSON | undefined;
  const refused = () => json({ ok: false }, 401);
  if (!response || typeof response.id !== 'string') return refused();
  try {
    const passkey = inbox.staff.findPasskey(response.id);
    if (!passkey) return refused();
    const staff = inbox.staff.getStaff(passkey.staffId);
    if (!staff || staff.revokedAt) return refused();
    const counter = await verifyAuthentication(inbox.settings, passkey, response);
    if (counter === undefined) return refused();
    inbox.staff.usePasskey(passkey.id, counter);
    const session = inbox.staff.createSession(staff.id);
    return json({ ok: true }, 200, Object.fromEntries([setSessionCookie(inbox, session)]));
  } catch (error) {
    if (isUnavailable(error)) return json({ ok: false }, 503);
    throw error;
  }
};

export const ALL: APIRoute = () => plain(405, 'POST only.');
