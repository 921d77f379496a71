/**
 * POST: a registration challenge, for the person an invite names (rate-limited: invite guesses
 * count), or for the signed-in person adding another passkey.
 */
import type { APIRoute } from 'astro';
import { inboxFor } from '#src/inbox/inboxContext.ts';
import { registrationOptions } from '#src/inbox/passkeys.ts';
import { clientOf, currentStaff, json, plain, readJsonPost } from '#src/inbox/staffAuth.ts';

export const prerender = false;

export const POST: APIRoute = async ({ request, locals, clientAddress, cookies }) => {
  const inbox = await inboxFor(locals);
  const read = await readJsonPost(inbox, request);
  if (read instanceof Response) return read;
  const invite = read.body.invite;
  let staff = currentStaff(inbox, cookies);
  if (typeof invite === 'string') {
    if (!inbox.limiter.hit(await clientOf(locals, clientAddress)).allowed) return plain(429, 'Too many attempts.');
    const check = inbox.staff.checkInvite(invite);
    if (!check.ok) return json({ ok: false }, 401);
    staff = check.staff;
  }
  if (!staff) return json({ ok: false }, 401);
  return json(await registrationOptions(inbox.settings, staff, inbox.staff.passkeysOf(staff.id)));
};

export const ALL: APIRoute = () => plain(405, 'POST only.');
