/** POST: ends this session (the row goes; the cookie is cleared). */
import type { APIRoute } from 'astro';
import { inboxFor } from '#src/inbox/inboxContext.ts';
import { currentStaff, refuseCrossOrigin, seeOther, sessionIdOf, setSessionCookie } from '#src/inbox/staffAuth.ts';

export const prerender = false;

export const POST: APIRoute = async (context) => {
  const { locals, cookies } = context;
  const inbox = await inboxFor(locals);
  const crossOrigin = await refuseCrossOrigin(inbox, context);
  if (crossOrigin) return crossOrigin;
  const staff = currentStaff(inbox, cookies);
  const id = sessionIdOf(inbox, cookies);
  if (staff && id) inbox.staff.endSession(id, staff.id);
  const [name, value] = setSessionCookie(inbox, null);
  return seeOther(`/inbox/signin/?out${staff?.lang === 'en' ? '&lang=en' : ''}`, { [name]: value });
};

export const ALL: APIRoute = () => seeOther('/inbox/');
