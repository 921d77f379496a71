/**
 * A form's "started at" token: a timestamp signed with HMAC-SHA256, put into the form page (the
 * interest form, the partner referral) by the server each time it serves it. A bot cannot fake the time it started filling in, so a
 * minimum fill time can drop bots without any puzzle for her.
 * The secret comes from env FORM_SECRET, else from `<DATA_DIR>/form-secret` (created 0600); an
 * empty or short one is never used: the file is replaced by a strong one, and a check with it fails.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** What a static form page carries until the server swaps in a fresh token (the name is historical: every form's). */
export const formTokenPlaceholder = '__INTEREST_FORM_TOKEN__';

// The "interest-form:" domain is kept for every form, so tokens already handed out stay valid.
/** Shortest secret used: anyone could forge a token signed with an empty or short key. */
export const minSecretLength = 16;

/** The secret's file in the data directory (backups carry it: src/store/makeBackup.ts). */
export const formSecretFile = 'form-secret';

function sign(secret: string, stamp: string): string {
  return createHmac('sha256', secret).update(`interest-form:${stamp}`).digest('base64url');
}

/** A token saying "the form was served at `now`". */
export function createFormToken(secret: string, now = Date.now()): string {
  const stamp = Math.floor(now).toString(36);
  return `${stamp}.${sign(secret, stamp)}`;
}

/**
 * Checks a token: "ok", "invalid" (forged, missing, placeholder), "tooFast" (sent sooner than
 * `minFillMs` after the page was served) or "expired" (the page was open longer than `maxAgeMs`).
 */
export function checkFormToken(
  token: string,
  secret: string,
  { now = Date.now(), minFillMs, maxAgeMs }: { now?: number; minFillMs: number; maxAgeMs: number },
): 'ok' | 'invalid' | 'tooFast' | 'expired' {
  const match = /^([0-9a-z]{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match || secret.length < minSecretLength) return 'invalid';
  const [, stamp = '', mac = ''] = match;
  const expected = Buffer.from(sign(secret, stamp));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
  const age = now - parseInt(stamp, 36);
  if (age < minFillMs) return 'tooFast';
  if (age > maxAgeMs) return 'expired';
  return 'ok';
}

/** env FORM_SECRET when it is long enough to sign with (16+ characters), else undefined. */
export function envFormSecret(env: Record<string, string | undefined> = process.env): string | undefined {
  return env.FORM_SECRET && env.FORM_SECRET.length >= minSecretLength ? env.FORM_SECRET : undefined;
}

/**
 * The signing secret: env FORM_SECRET, else a random one kept in the data directory so that
 * tokens survive a restart. A file that is empty or shorter than 32 characters (truncated, or
 * written by hand) is replaced by a strong one, and that is logged (never the secret).
 */
export function loadFormSecret(dataDir: string, env: Record<string, string | undefined> = process.env): string {
  const fromEnv = envFormSecret(env);
  if (fromEnv) return fromEnv;
  const file = path.join(dataDir, formSecretFile);
  const strong = (secret: string) => secret.length >= 32;
  let existing: string | undefined;
  try {
    existing = readFileSync(file, 'utf8').trim();
  } catch {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const secret = randomBytes(32).toString('hex');
    try {
      writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
      chmodSync(file, 0o600);
      return secret;
    } catch {
      // Another process created it first: use theirs.
      existing = readFileSync(file, 'utf8').trim();
    }
  }
  if (strong(existing)) return existing;
  const secret = randomBytes(32).toString('hex');
  // Written beside it and renamed over it: a crash never leaves a half-written secret.
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, secret, { mode: 0o600 });
  renameSync(temporary, file);
  console.warn(
    `forms: ${file} was ${existing ? 'too short' : 'empty'}; replaced with a new random secret (form pages open now must be sent again)`,
  );
  return secret;
}
