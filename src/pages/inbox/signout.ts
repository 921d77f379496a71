/** POST: ends this session (the row goes; the cookie is cleared). */
import type { APIRoute } from 'astro';
import { inboxFor } from '#src/inbox/inboxContext.ts';
import { currentStaff, isSameOrigin, plain, seeOther, sessionIdOf, setSessionCookie } from '#src/inbox/staffAuth.ts';

export const prerender = false;

export const POST: APIRoute = async ({ request, locals, cookies }) => {
  const inbox = await inboxFor(locals);
  if (!isSameOrigin(inbox, request)) return plain(403, 'Send this from the inbox.');
  const staff = currentStaff(inbox, cookies);
  const id = sessionIdOf(inbox, cookies);
  if (staff && id) inbox.staff.endSession(id, staff.id);
  const [name, value] = setSessionCookie(inbox, null);
  return seeOther(`/inbox/signin/?out${staff?.lang === 'en' ? '&lang=en' : ''}`, { [name]: value });
};

export const ALL: APIRoute = () => seeOther('/inbox/');
