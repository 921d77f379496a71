/** POST: a sign-in challenge (rate-limited per client). Anyone gets one: it reveals nothing. */
import type { APIRoute } from 'astro';
import { inboxFor } from '#src/inbox/inboxContext.ts';
import { authenticationOptions } from '#src/inbox/passkeys.ts';
import { json, limitAttempts, plain, readJsonPost } from '#src/inbox/staffAuth.ts';

export const prerender = false;

export const POST: APIRoute = async (context) => {
  const inbox = await inboxFor(context.locals);
  const read = await readJsonPost(inbox, context);
  if (read instanceof Response) return read;
  const limited = await limitAttempts(inbox, context, 'signin');
  if (limited) return limited;
  return json(await authenticationOptions(inbox.settings));
};

export const ALL: APIRoute = () => plain(405, 'POST only.');
