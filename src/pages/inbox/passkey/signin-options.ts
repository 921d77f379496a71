/** POST: a sign-in challenge (rate-limited per client). Anyone gets one: it reveals nothing. */
import type { APIRoute } from 'astro';
import { authenticationOptions } from '#src/inbox/passkeys.ts';
import { json, openPasskeyStep, plain } from '#src/inbox/staffAuth.ts';

export const prerender = false;

export const POST: APIRoute = async (context) => {
  const step = await openPasskeyStep(context, { limit: 'signin' });
  if (step instanceof Response) return step;
  return json(await authenticationOptions(step.inbox.settings));
};

export const ALL: APIRoute = () => plain(405, 'POST only.');
