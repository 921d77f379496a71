/**
 * The doors of /inbox/: who is signed in, what her role lets her do (./staffRoles.ts), the headers
 * every inbox answer carries (no-store, noindex), the Origin check every change must pass (the
 * same rule as the interest form) and the sign-in rate limit. Without a valid session nothing is
 * shown, not even how many requests wait. Every refusal here (403, 429) is audited
 * (./staffFailures.ts).
 */
import type { AstroCookies } from 'astro';
import { isAllowedOrigin, requestBodyLimit } from '#src/forms/formRequestGuard.ts';
import { requestScheme } from '#src/forms/clientAddress.ts';
import { readBodyWithLimit } from '#src/forms/readFormBody.ts';
import type { Inbox } from './inboxContext.ts';
import { sessionCookie } from './inboxSettings.ts';
import { can, type Permission } from './staffRoles.ts';
import { recordFailure } from './staffFailures.ts';
import type { StaffMember } from '#src/store/staff.ts';

/** What the doors read of a request (an endpoint's APIContext, or a page's Astro). */
export interface InboxRequestContext {
  request: Request;
  cookies: AstroCookies;
  locals: App.Locals;
  clientAddress: string;
}

/** Headers on every inbox answer: never cached, never indexed. */
export const inboxHeaders: Record<string, string> = {
  'Cache-Control': 'no-store',
  'X-Robots-Tag': 'noindex, nofollow',
};

export const signInPath = '/inbox/signin/';

export function setInboxHeaders(headers: Headers): void {
  for (const [name, value] of Object.entries(inboxHeaders)) headers.set(name, value);
}

/** A 303 (see other) that is never cached. */
export function seeOther(location: string, extra: Record<string, string> = {}): Response {
  return new Response(null, { status: 303, headers: { Location: location, ...inboxHeaders, ...extra } });
}

export function plain(status: number, text: string): Response {
  return new Response(`${text}\n`, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...inboxHeaders } });
}

/** The signed-in staff member, or undefined. */
export function currentStaff(inbox: Inbox, cookies: AstroCookies): StaffMember | undefined {
  return inbox.staff.sessionStaff(cookies.get(inbox.settings.cookieName)?.value);
}

/** The raw session id from the cookie (to end it). */
export const sessionIdOf = (inbox: Inbox, cookies: AstroCookies) => cookies.get(inbox.settings.cookieName)?.value;

export const setSessionCookie = (inbox: Inbox, id: string | null): [string, string] => ['Set-Cookie', sessionCookie(inbox.settings, id)];

/** True when a POST comes from a page of this site, scheme + host + port (see isAllowedOrigin). */
function isSameOrigin(inbox: Inbox, request: Request): boolean {
  const host = request.headers.get('host');
  const { origin, trustProxyHops } = inbox.settings;
  return isAllowedOrigin({
    origin: request.headers.get('origin'),
    host,
    scheme: requestScheme({ host, forwardedProto: request.headers.get('x-forwarded-proto'), trustProxyHops, publicOrigins: [origin] }),
    secFetchSite: request.headers.get('sec-fetch-site'),
    allowedOrigins: [origin],
  });
}

/** The 403 for what her role does not allow, audited as fail:forbidden:<what>. */
export function forbidden(inbox: Inbox, staff: StaffMember, what: Permission): Response {
  recordFailure(inbox, { action: `fail:forbidden:${what}`, staffId: staff.id, targetStaffId: staff.id });
  return plain(403, 'Only a coordinator can do this.');
}

/**
 * The start of every signed-in inbox page: the inbox, the staff member and her language, with the
 * inbox headers set; or the redirect to sign-in (which shows nothing, not even a count); or 403
 * when the page needs a `permission` her role does not have.
 */
export async function openInboxPage(
  astro: { locals: App.Locals; cookies: AstroCookies; response: { headers: Headers } },
  options: { permission?: Permission } = {},
): Promise<{ inbox: Inbox; staff: StaffMember } | Response> {
  const { inboxFor } = await import('./inboxContext.ts');
  const inbox = await inboxFor(astro.locals);
  setInboxHeaders(astro.response.headers);
  const staff = currentStaff(inbox, astro.cookies);
  if (!staff) return seeOther(signInPath, { 'Set-Cookie': sessionCookie(inbox.settings, null) });
  if (options.permission && !can(staff, options.permission)) return forbidden(inbox, staff, options.permission);
  return { inbox, staff };
}

/**
 * The client key for the sign-in and invite limits: the client's address as the server resolved
 * it (locals.clientAddress: behind TRUST_PROXY what our proxy saw), as for the forms.
 */
export async function clientOf(locals: App.Locals, fallback: string): Promise<string> {
  const { clientKey } = await import('#src/forms/formRateLimit.ts');
  return clientKey({ remoteAddress: locals.clientAddress ?? fallback });
}

/**
 * 413, and the connection closed: the rest of a body that is too large is never read.
 */
export function tooLarge(): Response {
  return new Response('Too large.\n', {
    status: 413,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close', ...inboxHeaders },
  });
}

/**
 * The 403 for a POST from another origin, or undefined when it came from a page of ours. Audited
 * as fail:origin, naming the person whose session cookie came with it.
 */
export async function refuseCrossOrigin(inbox: Inbox, context: InboxRequestContext): Promise<Response | undefined> {
  if (isSameOrigin(inbox, context.request)) return undefined;
  const owner = inbox.staff.sessionOwner(sessionIdOf(inbox, context.cookies));
  recordFailure(inbox, {
    action: 'fail:origin',
    staffId: owner,
    targetStaffId: owner,
    client: await clientOf(context.locals, context.clientAddress),
  });
  return plain(403, 'Send this from the inbox.');
}

/**
 * The start of every signed-in inbox POST: the inbox and the staff member, or the 403 for another
 * origin (audited) or 401 without a session.
 */
export async function openStaffPost(
  context: InboxRequestContext,
  options: { permission?: Permission } = {},
): Promise<{ inbox: Inbox; staff: StaffMember } | Response> {
  const { inboxFor } = await import('./inboxContext.ts');
  const inbox = await inboxFor(context.locals);
  const crossOrigin = await refuseCrossOrigin(inbox, context);
  if (crossOrigin) return crossOrigin;
  const staff = currentStaff(inbox, context.cookies);
  if (!staff) return plain(401, 'Sign in first.');
  if (options.permission && !can(staff, options.permission)) return forbidden(inbox, staff, options.permission);
  return { inbox, staff };
}

/** Counts a sign-in or invite attempt of this client: the 429 once over the limit (audited), else undefined. */
export async function limitAttempts(inbox: Inbox, context: InboxRequestContext, where: string): Promise<Response | undefined> {
  const client = await clientOf(context.locals, context.clientAddress);
  if (inbox.limiter.hit(client).allowed) return undefined;
  recordFailure(inbox, { action: `fail:ratelimit:${where}`, client });
  return plain(429, 'Too many attempts.');
}

/**
 * Checks a passkey step's POST (same origin, JSON, at most 64 kB) and reads its body, or answers
 * 403 / 415 / 413 / 400. A larger declared length is refused before a byte is read; a chunked
 * body is read only up to the limit.
 */
export async function readJsonPost(inbox: Inbox, context: InboxRequestContext): Promise<{ body: Record<string, unknown> } | Response> {
  const { request } = context;
  if (Number(request.headers.get('content-length') ?? 0) > requestBodyLimit) return tooLarge();
  const refused = await refuseCrossOrigin(inbox, context);
  if (refused) return refused;
  if (!(request.headers.get('content-type') ?? '').toLowerCase().startsWith('application/json')) return plain(415, 'JSON only.');
  const read = await readBodyWithLimit(request, requestBodyLimit);
  if (!read.ok) return tooLarge();
  try {
    const body = JSON.parse(new TextDecoder().decode(read.bytes)) as unknown;
    if (!body || typeof body !== 'object') return plain(400, 'Bad request.');
    return { body: body as Record<string, unknown> };
  } catch {
    return plain(400, 'Bad request.');
  }
}

/**
 * The start of every passkey step: the inbox and the checked JSON body (readJsonPost); then, when
 * asked, the signed-in person (else 401) and the attempt counted against `limit` (else 429).
 */
export async function openPasskeyStep(
  context: InboxRequestContext,
  options: { signedIn?: boolean; limit?: string } = {},
): Promise<{ inbox: Inbox; body: Record<string, unknown>; staff?: StaffMember } | Response> {
  const { inboxFor } = await import('./inboxContext.ts');
  const inbox = await inboxFor(context.locals);
  const read = await readJsonPost(inbox, context);
  if (read instanceof Response) return read;
  const staff = options.signedIn ? currentStaff(inbox, context.cookies) : undefined;
  if (options.signedIn && !staff) return json({ ok: false }, 401);
  if (options.limit) {
    const limited = await limitAttempts(inbox, context, options.limit);
    if (limited) return limited;
  }
  return { inbox, body: read.body, staff };
}

/**
 * The account an invite link was made for, counted as an invite attempt (429 over the limit); a
 * refused link is audited and answered 401.
 */
export async function invitedStaff(inbox: Inbox, context: InboxRequestContext, invite: string): Promise<StaffMember | Response> {
  const limited = await limitAttempts(inbox, context, 'invite');
  if (limited) return limited;
  const check = inbox.staff.checkInvite(invite);
  if (check.ok) return check.staff;
  recordFailure(inbox, { action: `fail:invite:${check.reason}`, targetStaffId: check.staffId });
  return json({ ok: false }, 401);
}

/**
 * The signed-in person, when she confirmed with a passkey within the last minutes, as adding a
 * passkey needs: else 401 without a session, or 403 with `confirm: true` (audited).
 */
export function freshStaff(inbox: Inbox, context: InboxRequestContext): StaffMember | Response {
  const staff = currentStaff(inbox, context.cookies);
  if (!staff) return json({ ok: false }, 401);
  if (inbox.staff.isFreshSession(sessionIdOf(inbox, context.cookies))) return staff;
  recordFailure(inbox, { action: 'fail:passkey:unconfirmed', staffId: staff.id, targetStaffId: staff.id });
  return json({ ok: false, confirm: true }, 403);
}

export function json(value: unknown, status = 200, extra: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(value), { status, headers: { 'Content-Type': 'application/json', ...inboxHeaders, ...extra } });
}
