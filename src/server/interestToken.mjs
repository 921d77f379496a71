/**
 * The form's "started at" token: a timestamp signed with HMAC-SHA256, put into the form page by
 * the server each time it serves it. A bot cannot fake the time it started filling in, so a
 * minimum fill time can drop bots without any puzzle for her.
 * The secret comes from env FORM_SECRET, else from `<DATA_DIR>/form-secret` (created 0600).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** What the static form page carries until the server swaps in a fresh token. */
export const formTokenPlaceholder = '__INTEREST_FORM_TOKEN__';

/** @param {string} secret @param {string} stamp */
function sign(secret, stamp) {
  return createHmac('sha256', secret).update(`interest-form:${stamp}`).digest('base64url');
}

/** A token saying "the form was served at `now`". @param {string} secret @param {number} [now] */
export function createFormToken(secret, now = Date.now()) {
  const stamp = Math.floor(now).toString(36);
  return `${stamp}.${sign(secret, stamp)}`;
}

/**
 * Checks a token: "ok", "invalid" (forged, missing, placeholder), "tooFast" (sent sooner than
 * `minFillMs` after the page was served) or "expired" (the page was open longer than `maxAgeMs`).
 * @param {string} token @param {string} secret
 * @param {{ now?: number, minFillMs: number, maxAgeMs: number }} limits
 * @returns {'ok' | 'invalid' | 'tooFast' | 'expired'}
 */
export function checkFormToken(token, secret, { now = Date.now(), minFillMs, maxAgeMs }) {
  const match = /^([0-9a-z]{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return 'invalid';
  const [, stamp, mac] = match;
  const expected = Buffer.from(sign(secret, stamp));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
  const age = now - parseInt(stamp, 36);
  if (age < minFillMs) return 'tooFast';
  if (age > maxAgeMs) return 'expired';
  return 'ok';
}

/**
 * The signing secret: env FORM_SECRET, else a random one kept in the data directory so that
 * tokens survive a restart and the server and the endpoint agree on it.
 * @param {string} dataDir
 */
export function loadFormSecret(dataDir, env = process.env) {
  if (env.FORM_SECRET && env.FORM_SECRET.length >= 16) return env.FORM_SECRET;
  const file = path.join(dataDir, 'form-secret');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const secret = randomBytes(32).toString('hex');
    try {
      writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
      chmodSync(file, 0o600);
      return secret;
    } catch {
      // Another process created it first: use theirs.
      return readFileSync(file, 'utf8').trim();
    }
  }
}
