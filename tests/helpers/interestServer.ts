/**
 * Helpers for the interest form's end-to-end tests: the shared server's data directory and
 * form secret, posting a form like a browser does, and starting a server of our own (temp data
 * directory, any free port) for the tests that need their own settings or kill it.
 */
import { createHash, randomInt } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createFormToken } from '#src/forms/formToken.ts';
import { startServer, type RunningServer } from '../../scripts/lib/startServer.ts';

/** Data directory of the server playwright.config.ts starts (one per checkout). */
export const e2eDataDir = path.join(tmpdir(), `aaben-doer-e2e-${createHash('sha256').update(process.cwd()).digest('hex').slice(0, 8)}`);
/** Form secret of that server: tests sign start times with it. Never used in production. */
export const e2eFormSecret = 'e2e-only-form-secret-0123456789';

/** A start-time token from `secondsAgo` seconds ago, signed with `secret`. */
export function formToken(secret = e2eFormSecret, secondsAgo = 10): string {
  return createFormToken(secret, Date.now() - secondsAgo * 1000);
}

/** A random Danish mobile number (8 digits), so each test finds its own rows. */
export function uniquePhone(): string {
  return `2${String(randomInt(0, 10_000_000)).padStart(7, '0')}`;
}

export type Fields = Record<string, string | string[]>;

/** A complete, valid registration (Arabic page); override any field. */
export function validFields(overrides: Fields = {}, secret = e2eFormSecret): Fields {
  return {
    lang: 'ar',
    token: formToken(secret),
    name: 'فاطمة',
    phone: uniquePhone(),
    language: 'ar',
    contact: 'call',
    time: 'any',
    consent: 'yes',
    ...overrides,
  };
}

/** URL-encodes fields in order, repeating array values. */
export function formBody(fields: Fields): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) params.append(k, x);
  return params.toString();
}

/** POSTs a form to /api/interest as a same-origin browser would; redirects are not followed. */
export function postInterest(baseURL: string, fields: Fields, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(new URL('/api/interest', baseURL), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: new URL(baseURL).origin, ...headers },
    body: formBody(fields),
  });
}

export interface OwnServer extends RunningServer {
  baseURL: string;
  dataDir: string;
}

/**
 * Starts the production server with its own temporary data directory, on a free port unless
 * `port` (or `env.PORT`) names one (passkeys are bound to a known origin: the inbox's tests).
 */
export async function startOwnServer(
  env: Record<string, string> = {},
  dataDir = path.join(mkdtempSync(path.join(tmpdir(), 'interest-e2e-')), 'data'),
  port = Number(env.PORT ?? 0),
): Promise<OwnServer> {
  const rest = { ...env };
  delete rest.PORT;
  const server = await startServer({ port, env: { DATA_DIR: dataDir, FORM_SECRET: e2eFormSecret, ...rest }, timeoutMs: 15_000 });
  return { ...server, baseURL: server.url, dataDir };
}
