/** What the inbox's e2e specs do behind the browser: invite by the staff CLI, and put a request straight into the database. */
import { execFileSync } from 'node:child_process';
import type { DatabaseSync } from 'node:sqlite';
import { startOwnServer, type OwnServer } from './interestServer.ts';
import { startMailSink, type SunkMail } from './mailSink.ts';
import { expect, type Page, waitForScriptsOnNavigation } from './test.ts';

/**
 * An own server on `port` that mails through a sink on `port + 1` (every mail lands in `mails`),
 * with the form's fill-time and rate limits off; `env` adds to that.
 */
export async function startInboxServer(
  port: number,
  mails: SunkMail[],
  env: Record<string, string> = {},
): Promise<{ server: OwnServer; stop: () => Promise<void> }> {
  const smtp = await startMailSink(port + 1, mails);
  const server = await startOwnServer(
    {
      PUBLIC_ORIGIN: `http://localhost:${port}`,
      SMTP_URL: `smtp://127.0.0.1:${port + 1}`,
      MAIL_FROM: 'Åben Dør <inbox@example.dk>',
      INTEREST_MIN_FILL_MS: '0',
      INTEREST_RATE_LIMIT: '0',
      ...env,
    },
    undefined,
    port,
  );
  const stop = async () => {
    await server.stop();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  };
  return { server, stop };
}

/** Invites by the staff CLI with `env` (DATA_DIR, PUBLIC_ORIGIN of the test server); returns the link it prints. */
export function inviteByCli(env: NodeJS.ProcessEnv, ...args: string[]): string {
  const out = execFileSync(process.execPath, ['--disable-warning=ExperimentalWarning', 'scripts/staff.ts', 'invite', ...args], {
    env,
    encoding: 'utf8',
  });
  return /^(http\S+)$/m.exec(out)![1]!;
}

/** Chromium's virtual authenticator on `page`: a passkey that verifies the user, for enrolment and sign-in. */
export async function addAuthenticator(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true },
  });
}

/** Adds one new request (Asha, Somali, call back any time) as the form would store it; returns its id. */
export function addRequest(d: DatabaseSync): number {
  return Number(
    d
      .prepare(
        `INSERT INTO interest
           (created_at, first_name, phone, language, contact_method, best_time, activities, interpreter, consent_version, consent_language)
         VALUES (?, 'Asha', '+4520111111', 'so', 'call', 'any', '[]', 0, 'v', 'so')`,
      )
      .run(new Date().toISOString()).lastInsertRowid,
  );
}

/**
 * A woman sends the real public form in Somali (Hodan, SMS, mornings, with an interpreter), JavaScript on,
 * as a browser does, from a page of her own beside the staff member's.
 */
export async function sendSomaliInterest(staffPage: Page, origin: string): Promise<void> {
  const woman = waitForScriptsOnNavigation(await staffPage.context().browser()!.newPage());
  await woman.goto(`${origin}/so/interest/`);
  await woman.locator('input[name="name"]').fill('Hodan');
  await woman.locator('input[name="phone"]').fill('20 99 88 77');
  await woman.locator('input[name="contact"][value="sms"]').check();
  await woman.locator('input[name="time"][value="morning"]').check();
  await woman.locator('input[name="interpreter"]').check();
  await woman.locator('#interest-consent').check();
  await woman.locator('form[action="/api/interest"] button[type="submit"]').click();
  await expect(woman).toHaveURL(/\/so\/interest\/thanks\/$/);
  await woman.close();
}
