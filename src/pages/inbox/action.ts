/**
 * POST /inbox/action/: every change the inbox makes (take, status, invited to a meeting, attempt,
 * close, note, delete, preferences, removing one of her passkeys; and for a coordinator invite,
 * new link, role, lost phone, revoke). Same Origin rule as the form (403), a signed-in session
 * (else 401 and nothing done), her role's permission (else 403, audited), one transaction per
 * change with its audit row; a locked or full database answers 503 and nothing is half written.
 * Then 303 back to where she was.
 */
import type { APIContext, APIRoute } from 'astro';
import { isFormContentType } from '#src/forms/formRequestGuard.ts';
import { parseFormBody, readBodyWithLimit } from '#src/forms/readFormBody.ts';
import type { Inbox } from '#src/inbox/inboxContext.ts';
import { isUnavailable } from '#src/store/inTransaction.ts';
import { cleanNote, settableStatuses, type RequestStatus } from '#src/inbox/requestStatus.ts';
import { forbidden, limitAttempts, openStaffPost, plain, seeOther, tooLarge } from '#src/inbox/staffAuth.ts';
import { can, type Permission } from '#src/inbox/staffRoles.ts';
import { isStaffRole, type AccessChange, type StaffMember } from '#src/store/staff.ts';
import { inviteLink, inviteMail } from '#src/inbox/inviteMail.ts';
import { loadMeetings } from '#src/meetings/loadMeetings.ts';

export const prerender = false;

type Fields = Map<string, string>;

const lastCoordinator = () =>
  plain(409, 'She is the last coordinator: make someone else coordinator first, so that someone can always invite.');

/** The answer to a change of someone's access. */
function accessAnswer(result: AccessChange): Response {
  if (result === 'lastCoordinator') return lastCoordinator();
  if (result === 'notFound') return plain(404, 'No such active staff member.');
  return seeOther('/inbox/staff/?done=saved');
}

/** Shows a new one-time link once, on the staff page this renders (never in a URL of ours), and mails it when it can. */
async function showInvite(inbox: Inbox, context: APIContext, name: string, email: string | null, token: string): Promise<Response> {
  const link = inviteLink(inbox.settings.origin, token);
  const mailed = email && inbox.mailer ? await inviteMail(inbox.mailer, email, link) : false;
  context.locals.inboxInvite = { name, link, mailed };
  return context.rewrite(
    new Request(new URL('/inbox/staff/', context.url), { headers: { cookie: context.request.headers.get('cookie') ?? '' } }),
  );
}

/** The actions only some roles may take (src/inbox/staffRoles.ts); the others every staff member may. */
const neededPermission = new Map<string, Permission>([
  ['delete', 'delete'],
  ['invite', 'manageStaff'],
  ['reinvite', 'manageStaff'],
  ['role', 'manageStaff'],
  ['lostphone', 'manageStaff'],
  ['revoke', 'manageStaff'],
]);

async function act(inbox: Inbox, staff: StaffMember, fields: Fields, context: APIContext): Promise<Response> {
  const action = fields.get('action') ?? '';
  const id = Number(fields.get('id'));
  const back = `/inbox/request/${id}/`;
  const requests = inbox.requests;
  const needs = neededPermission.get(action);
  if (needs && !can(staff, needs)) return forbidden(inbox, staff, needs);
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
    case 'passkey:remove': {
      const result = inbox.staff.removePasskey(staff.id, fields.get('passkey') ?? '');
      if (result === 'last') return plain(409, 'This is your only passkey: add another before you remove it.');
      return result === 'removed' ? seeOther('/inbox/me/?done=removed') : plain(404, 'No such passkey of yours.');
    }
    case 'invite': {
      const limited = await limitAttempts(inbox, context, 'invite');
      if (limited) return limited;
      const name = (fields.get('name') ?? '').trim();
      const email = (fields.get('email') ?? '').trim();
      if (!name || name.length > 100 || email.length > 200 || (email && !/^[^\s@]+@[^\s@]+$/.test(email))) {
        return seeOther('/inbox/staff/?done=invalid');
      }
      // Always a new account: a name never picks an existing one.
      const invited = inbox.staff.invite({
        name,
        email: email || null,
        role: fields.get('coordinator') === 'on' ? 'coordinator' : 'staff',
        invitedBy: staff.id,
      });
      return showInvite(inbox, context, name, email || null, invited.token);
    }
    case 'reinvite': {
      const limited = await limitAttempts(inbox, context, 'invite');
      if (limited) return limited;
      const person = inbox.staff.getStaff(Number(fields.get('staff')));
      const invited = person ? inbox.staff.reinvite(person.id, staff.id) : undefined;
      if (!person || !invited) return plain(404, 'No such active staff member.');
      return showInvite(inbox, context, person.name, person.email, invited.token);
    }
    case 'role': {
      const role = fields.get('role');
      if (!isStaffRole(role)) return plain(400, 'Unknown role.');
      return accessAnswer(inbox.staff.setRole(Number(fields.get('staff')), role, staff.id));
    }
    case 'lostphone': {
      const target = Number(fields.get('staff'));
      // Her own passkeys she manages on /inbox/me/; this would lock her out of the page she is on.
      if (target === staff.id) return plain(409, 'Not for yourself: remove a passkey under your own settings.');
      return accessAnswer(inbox.staff.lostPhone(target, staff.id));
    }
    case 'revoke': {
      return accessAnswer(inbox.staff.revoke(Number(fields.get('staff')), staff.id));
    }
    default:
      return plain(400, 'Unknown action.');
  }
}

export const POST: APIRoute = async (context) => {
  const { request } = context;
  const opened = await openStaffPost(context);
  if (opened instanceof Response) return opened;
  const { inbox, staff } = opened;
  const contentType = request.headers.get('content-type');
  if (!isFormContentType(contentType)) return plain(415, 'Send the form as a form.');
  const body = await readBodyWithLimit(request);
  if (!body.ok) return tooLarge();
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
    context.locals.inboxProblem = 'unavailable';
    return context.rewrite(
      new Request(new URL('/inbox/problem/', context.url), { headers: { cookie: request.headers.get('cookie') ?? '' } }),
    );
  }
};

export const ALL: APIRoute = () => seeOther('/inbox/');
