/** POST: a "confirm with your passkey" challenge for the signed-in person, that only her passkeys can answer. */
import type { APIRoute } from 'astro';
import { authenticationOptions } from '#src/inbox/passkeys.ts';
import { json, openPasskeyStep, plain } from '#src/inbox/staffAuth.ts';

export const prerender = false;

export const POST: APIRoute = async (context) => {
  const step = await openPasskeyStep(context, { signedIn: true, limit: 'confirm' });
  if (step instanceof Response) return step;
  const { inbox, staff } = step;
  if (!staff) return json({ ok: false }, 401);
  return json(await authenticationOptions(inbox.settings, { id: staff.id, passkeys: inbox.staff.passkeysOf(staff.id) }));
};

export const ALL: APIRoute = () => plain(405, 'POST only.');
