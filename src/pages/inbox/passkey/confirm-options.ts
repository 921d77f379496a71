/** POST: a "confirm with your passkey" challenge for the signed-in person, that only her passkeys can answer. */
import type { APIRoute } from 'astro';
import { inboxFor } from '#src/inbox/inboxContext.ts';
import { authenticationOptions } from '#src/inbox/passkeys.ts';
import { currentStaff, json, limitAttempts, plain, readJsonPost } from '#src/inbox/staffAuth.ts';

export const prerender = false;

export const POST: APIRoute = async (context) => {
  const inbox = await inboxFor(context.locals);
  const read = await readJsonPost(inbox, context);
  if (read instanceof Response) return read;
  const staff = currentStaff(inbox, context.cookies);
  if (!staff) return json({ ok: false }, 401);
  const limited = await limitAttempts(inbox, context, 'confirm');
  if (limited) return limited;
  return json(await authenticationOptions(inbox.settings, { id: staff.id, passkeys: inbox.staff.passkeysOf(staff.id) }));
};

export const ALL: APIRoute = () => plain(405, 'POST only.');
