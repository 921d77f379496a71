/** Mails an invite link (only when SMTP is configured): the link, and nothing about any request. */
import type { Mailer } from './mailNotices.ts';

/** The one-time sign-up link for an invite token (the token is never logged). */
export const inviteLink = (origin: string, token: string): string => new URL(`/inbox/invite/?token=${token}`, origin).href;

export const inviteSubject = 'Invitation til indbakken';

/** True when sent; a failure is logged by its code and the coordinator still has the link on screen. */
export async function inviteMail(mailer: Mailer, to: string, link: string): Promise<boolean> {
  try {
    await mailer.send([to], inviteSubject, `Opret din adgangsnøgle her (linket gælder i 24 timer og kan bruges én gang):\n${link}\n`);
    return true;
  } catch (error) {
    console.error(`inbox: invite mail failed (${(error as { code?: string }).code ?? 'unknown error'})`);
    return false;
  }
}
