/**
 * POST /inbox/action/: every change the inbox makes (take, status, invited to a meeting, attempt, close, note, delete,
 * preferences, invite, revoke). Same Origin rule as the form (403), a signed-in session (else 401
 * and nothing done), one transaction per change with its audit row; a locked or full database
 * answers 503 and nothing is half written. Then 303 back to where she was.
 */
import type { APIContext, APIRoute } from 'astro';
import { isFormContentType } from '#src/forms/formRequestGuard.ts';
import { parseFormBody, readBodyWithLimit } from '#src/forms/readFormBody.ts';
import { inboxFor, type Inbox } from '#src/inbox/inboxContext.ts';
import { isUnavailable } from '#src/store/inTransaction.ts';
import { cleanNote, settableStatuses, type RequestStatus } from '#src/inbox/requestStatus.ts';
import { clientOf, currentStaff, isSameOrigin, plain, seeOther } from '#src/inbox/staffAuth.ts';
import type { StaffMember } from '#src/store/staff.ts';
import { inviteMail } from '#src/inbox/inviteMail.ts';
import { loadMeetings } from '#src/meetings/loadMeetings.ts';

export const prerender = false;

type Fields = Map<string, string>;

async function act(inbox: Inbox, staff: StaffMember, fields: Fields, context: APIContext): Promise<Response> {
  const action = fields.get('action') ?? '';
  const id = Number(fields.get('id'));
  const back = `/inbox/request/${id}/`;
  const requests = inbox.requests;
  switch (action) {
    case 'take':
      return requests.take(id, staff.id) ? seeOther(`${back}?done=saved`) : plain(404, 'No such request.');
    case 'status': {
      const status = fields.get('status') as RequestStatus;
      if (!settableStatuses.includes(status)) return plain(400, 'Unknown status.');
      return requests.setStatus(id, staff.id, status) ? seeOther(`${back}?done=saved`) : plain(404, 'No such request.');
    }
    case 'invited': {
      // Only a meeting that is still to come, named by its id (content/meetings/<id>.yaml).
      const { all } = await loadMeetings();
      const meeting = all.find((m) => m.id === fields.get('meeting') && !m.data.cancelled && Date.parse(m.data.start) > Date.now());
      if (!meeting) return plain(400, 'Unknown or past meeting.');
      return requests.invite(id, staff.id, { id: meeting.id, startsAt: meeting.data.start })
        ? seeOther(`${back}?done=saved`)
        : plain(404, 'No such request.');
    }
    case 'attempt':
      return requests.addAttempt(id, staff.id) ? seeOther(`${back}?done=saved`) : plain(404, 'No such request.');
    case 'close':
      return requests.close(id, staff.id) ? seeOther(`${back}?done=saved`) : plain(404, 'No such request.');
    case 'note': {
      const note = cleanNote(fields.get('note') ?? '');
      if (!note.ok) return seeOther(`${back}?done=tooLong`);
      return requests.setNote(id, staff.id, note.note) ? seeOther(`${back}?done=saved`) : plain(404, 'No such request.');
    }
    case 'delete':
      return requests.delete(id, staff.id) ? seeOther('/inbox/?done=deleted') : plain(404, 'No such request.');
    case 'preferences': {
      const lang = fields.get('lang');
      inbox.staff.setPreferences(staff.id, {
        notices: fields.get('notices') === 'on',
        lang: lang === 'en' || lang === 'da' ? lang : undefined,
      });
      return seeOther('/inbox/me/?done=saved');
    }
    case 'invite': {
      if (!staff.coordinator) return plain(403, 'Only a coordinator can invite.');
      if (!inbox.limiter.hit(await clientOf(context.locals, context.clientAddress)).allowed) return plain(429, 'Too many attempts.');
      const name = (fields.get('name') ?? '').trim();
      const email = (fields.get('email') ?? '').trim();
      if (!name || name.length > 100 || email.length > 200 || (email && !/^[^\s@]+@[^\s@]+$/.test(email))) {
        return seeOther('/inbox/staff/?done=invalid');
      }
      const invited = inbox.staff.invite({
        name,
        email: email || null,
        coordinator: fields.get('coordinator') === 'on',
        invitedBy: staff.id,
      });
      const link = new URL(`/inbox/invite/?token=${invited.token}`, inbox.settings.origin).href;
      const mailed = email && inbox.mailer ? await inviteMail(inbox.mailer, email, link) : false;
      // The link is shown once, on the page this renders; it is never put in a URL of ours.
      context.locals.inboxInvite = { name, link, mailed };
      return context.rewrite(
        new Request(new URL('/inbox/staff/', context.url), { headers: { cookie: context.request.headers.get('cookie') ?? '' } }),
      );
    }
    case 'revoke': {
      if (!staff.coordinator) return plain(403, 'Only a coordinator can remove access.');
      inbox.staff.revoke(Number(fields.get('staff')), staff.id);
      return seeOther('/inbox/staff/?done=saved');
    }
    default:
      return plain(400, 'Unknown action.');
  }
}

export const POST: APIRoute = async (context) => {
  const { request, locals, cookies } = context;
  const inbox = await inboxFor(locals);
  if (!isSameOrigin(inbox, request)) return plain(403, 'Send this from the inbox.');
  const staff = currentStaff(inbox, cookies);
  if (!staff) return plain(401, 'Sign in first.');
  const contentType = request.headers.get('content-type');
  if (!isFormContentType(contentType)) return plain(415, 'Send the form as a form.');
  const body = await readBodyWithLimit(request);
  if (!body.ok) return plain(413, 'Too large.');
  let fields: Fields;
  try {
    fields = new Map((await parseFormBody(body.bytes, contentType!)).map(([k, v]) => [k, String(v)]));
  } catch {
    return plain(400, 'The form could not be read.');
  }
  try {
    return await act(inbox, staff, fields, context);
  } catch (error) {
    if (!isUnavailable(error)) throw error;
    console.error('inbox: a change was not saved (database locked or full)');
    locals.inboxProblem = 'unavailable';
    return context.rewrite(
      new Request(new URL('/inbox/problem/', context.url), { headers: { cookie: request.headers.get('cookie') ?? '' } }),
    );
  }
};

export const ALL: APIRoute = () => seeOther('/inbox/');
