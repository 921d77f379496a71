/**
 * POST: a registration challenge, for the account an invite was made for (rate-limited: invite
 * guesses count; a refused link is audited), or for the signed-in person adding another passkey,
 * which needs a passkey check within the last minutes (else 403 with `confirm: true`).
 */
import type { APIRoute } from 'astro';
import { registrationOptions } from '#src/inbox/passkeys.ts';
import { freshStaff, invitedStaff, json, openPasskeyStep, plain } from '#src/inbox/staffAuth.ts';

export const prerender = false;

export const POST: APIRoute = async (context) => {
  const step = await openPasskeyStep(context);
  if (step instanceof Response) return step;
  const { inbox } = step;
  const invite = step.body.invite;
  const staff = typeof invite === 'string' ? await invitedStaff(inbox, context, invite) : freshStaff(inbox, context);
  if (staff instanceof Response) return staff;
  return json(await registrationOptions(inbox.settings, staff, inbox.staff.passkeysOf(staff.id)));
};

export const ALL: APIRoute = () => plain(405, 'POST only.');
