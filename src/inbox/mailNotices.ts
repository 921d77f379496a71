/**
 * Notices by mail, without personal data. A new request → one mail to every active staff member
 * with an e-mail address and notices on: a fixed subject, and a body that is only a link to the
 * inbox (no name, number, language or count: a list of immigrant women by language reveals ethnic
 * origin). A daily reminder when a request has waited untouched longer than the callback we
 * promise her (site.config.ts `callbackWithinWorkingDays`).
 * Sending runs on a timer in the server, never inside the form's request: a slow or failing
 * mail server cannot lose a request or delay her 303. Failures are logged by error code only.
 */
import nodemailer from 'nodemailer';
import type { Database } from '#src/store/openStore.ts';
import { newestRequestId, oldestNewUntouched } from '#src/store/requests.ts';
import { readState, writeState } from '#src/store/serverState.ts';
import { workingDaysBetween } from './requestStatus.ts';
import { siteConfig } from '#site.config.ts';

export const newRequestSubject = 'Ny henvendelse venter';
/** Working days a request may wait untouched: the number the thanks page promises her. */
export const reminderWorkingDays = siteConfig.callbackWithinWorkingDays;
export const reminderSubject = `Henvendelser har ventet over ${reminderWorkingDays} arbejdsdage`;

/** The whole body of every notice: a link to the inbox, nothing else. */
export function noticeBody(origin: string): string {
  return `${new URL('/inbox/', origin).href}\n`;
}

export interface Mailer {
  send(to: string[], subject: string, text: string): Promise<void>;
}

/** A mailer for SMTP_URL (e.g. smtp://user:pass@mail.example.dk:587), or undefined without one. */
export function smtpMailer(env: Record<string, string | undefined> = process.env): Mailer | undefined {
  const url = env.SMTP_URL?.trim();
  if (!url) return undefined;
  const transport = nodemailer.createTransport(url);
  const from = env.MAIL_FROM?.trim() || 'Åben Dør <no-reply@localhost>';
  return {
    async send(to, subject, text) {
      // One mail per person: nobody sees who else works in the inbox.
      for (const address of to) await transport.sendMail({ from, to: address, subject, text });
    },
  };
}

interface NoticeDeps {
  db: Database;
  mailer: Mailer;
  origin: string;
  recipients: () => string[];
  log?: (line: string) => void;
}

function failure(error: unknown): string {
  const e = error as { code?: string; responseCode?: number };
  return e.code ?? (e.responseCode ? `SMTP ${e.responseCode}` : 'unknown error');
}

/**
 * One round: a mail when requests arrived since the last notice, and at most one reminder a day.
 * The first round after an upgrade only remembers where it is (no mail for old rows).
 */
export async function sendDueNotices({ db, mailer, origin, recipients, log = console.error }: NoticeDeps, now = new Date()) {
  const newest = newestRequestId(db);
  const noticed = readState(db, 'notice.lastId');
  if (noticed === undefined) writeState(db, 'notice.lastId', String(newest));
  else if (newest > Number(noticed)) {
    const to = recipients();
    try {
      if (to.length > 0) await mailer.send(to, newRequestSubject, noticeBody(origin));
      writeState(db, 'notice.lastId', String(newest));
    } catch (error) {
      log(`inbox: notice mail failed (${failure(error)}); it is tried again in a minute`);
    }
  }

  const today = now.toISOString().slice(0, 10);
  if (readState(db, 'reminder.day') === today) return;
  const oldest = oldestNewUntouched(db);
  if (!oldest || workingDaysBetween(new Date(oldest), now) <= reminderWorkingDays) return;
  const to = recipients();
  try {
    if (to.length > 0) await mailer.send(to, reminderSubject, noticeBody(origin));
    writeState(db, 'reminder.day', today);
  } catch (error) {
    log(`inbox: reminder mail failed (${failure(error)})`);
  }
}

/** Runs the notices every `intervalMs` (env NOTICE_INTERVAL_MS, default one minute), unreffed. */
export function startNotices(deps: NoticeDeps, intervalMs = 60_000): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await sendDueNotices(deps);
    } catch (error) {
      (deps.log ?? console.error)(`inbox: notices could not run (${failure(error)})`);
    } finally {
      running = false;
    }
  };
  void tick();
  // tick catches its own errors; `void` says so to the typed lint.
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
