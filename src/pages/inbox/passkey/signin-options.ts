/** POST: a sign-in challenge (rate-limited per client). Anyone gets one: it reveals nothing. */
import type { APIRoute } from 'astro';
import { inboxFor } from '#src/inbox/inboxContext.ts';
import { authenticationOptions } from '#src/inbox/passkeys.ts';
import { clientOf, json, plain, readJsonPost } from '#src/inbox/staffAuth.ts';

export const prerender = false;

export const POST: APIRoute = async ({ request, locals, clientAddress }) => {
  const inbox = await inboxFor(locals);
  const read = await readJsonPost(inbox, request);
  if (read instanceof Response) return read;
  if (!inbox.limiter.hit(await clientOf(locals, clientAddress)).allowed) return plain(429, 'Too many attempts.');
  return json(await authenticationOptions(inbox.settings));
};

export const ALL: APIRoute = () => plain(405, 'POST only.');
