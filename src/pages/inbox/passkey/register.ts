/**
 * POST: verifies a new passkey. From an invite: stores it, uses up the invite (one transaction)
 * and signs her in. Signed in: adds it as a further passkey.
 */
import type { APIRoute } from 'astro';
import type { RegistrationResponseJSON } from '@simplewebauthn/server';
import { inboxFor } from '#src/inbox/inboxContext.ts';
import { isUnavailable } from '#src/store/inTransaction.ts';
import { verifyRegistration } from '#src/inbox/passkeys.ts';
import { clientOf, currentStaff, json, plain, readJsonPost, setSessionCookie } from '#src/inbox/staffAuth.ts';

export const prerender = false;

export const POST: APIRoute = async ({ request, locals, clientAddress, cookies }) => {
  const inbox = await inboxFor(locals);
  const read = await readJsonPost(inbox, request);
  if (read instanceof Response) return read;
  const { invite } = read.body;
  const response = read.body.response as RegistrationResponseJSON | undefined;
  if (!response || typeof response.id !== 'string') return json({ ok: false }, 400);
  try {
    if (typeof invite === 'string') {
      if (!inbox.limiter.hit(await clientOf(locals, clientAddress)).allowed) return plain(429, 'Too many attempts.');
      const check = inbox.staff.checkInvite(invite);
      if (!check.ok) return json({ ok: false }, 401);
      const passkey = await verifyRegistration(inbox.settings, check.staff, response);
      if (!passkey || !inbox.staff.redeemInvite(invite, passkey)) return json({ ok: false }, 401);
      const session = inbox.staff.createSession(check.staff.id);
      return json({ ok: true }, 200, Object.fromEntries([setSessionCookie(inbox, session)]));
    }
    const staff = currentStaff(inbox, cookies);
    if (!staff) return json({ ok: false }, 401);
    const passkey = await verifyRegistration(inbox.settings, staff, response);
    if (!passkey) return json({ ok: false }, 401);
    inbox.staff.addPasskey(passkey);
    return json({ ok: true });
  } catch (error) {
    if (isUnavailable(error)) return json({ ok: false }, 503);
    throw error;
  }
};

export const ALL: APIRoute = () => plain(405, 'POST only.');
