/**
 * Helpers for the interest form's end-to-end tests: the shared server's data directory and
 * form secret, posting a form like a browser does, and starting a server of our own (temp data
 * directory, any free port) for the tests that need their own settings or kill it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomInt } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createFormToken } from '#src/interest/interestToken.ts';

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

export interface OwnServer {
  baseURL: string;
  dataDir: string;
  process: ChildProcess;
  /** Everything the server wrote to stdout and stderr so far (its log). */
  output(): string;
  stop(): Promise<void>;
}

/** Starts the production server on a free port with its own temporary data directory. */
export async function startOwnServer(
  env: Record<string, string> = {},
  dataDir = path.join(mkdtempSync(path.join(tmpdir(), 'interest-e2e-')), 'data'),
): Promise<OwnServer> {
  const child = spawn(process.execPath, ['src/server/server.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, FORM_SECRET: e2eFormSecret, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const baseURL = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 15_000);
    child.stdout!.on('data', () => {
      const match = /running at (http:\/\/[^/\s]+)\//.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code}):\n${out}`)));
  });
  return {
    baseURL,
    dataDir,
    process: child,
    output: () => out,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
