/**
 * The server's own door to the form receivers (src/forms/formReceiver.ts) on a real Node HTTP
 * server with a temporary store, with the interest form and the partner referral as the server
 * has them: every check answers as Astro's endpoint does, a valid post is stored before its 303,
 * and answers that are a page in her language go on to be rendered (here: a stand-in for Astro
 * that shows what it was handed). The rendered pages themselves, and the same answers from both
 * doors side by side, are in tests/e2e/interest-receiver.spec.ts.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { createFormReceiver } from '#src/forms/formReceiver.ts';
import { createRateLimiter } from '#src/forms/formRateLimit.ts';
import { createFormToken } from '#src/forms/formToken.ts';
import { interestForm } from '#src/interest/interestForm.ts';
import { interestSettings } from '#src/interest/interestSettings.ts';
import { openInterestStore } from '#src/store/interest.ts';
import type { InterestRuntime } from '#src/interest/interestRuntime.ts';
import { referralForm } from '#src/referral/referralForm.ts';
import { dayOf } from '#src/channels/channelCounts.ts';

const secret = 'unit-only-form-secret-0123456789';
let dir: string;
let runtime: InterestRuntime;
let server: http.Server;
let base: string;
type Handed = { method?: string; url?: string; reply: App.Locals['interestReply'] | App.Locals['referralReply'] };
let handedToAstro: Handed[] = [];

/** The stand-in for Astro: keeps what it was handed, answers with the reply's status. */
const renderReply = (req: http.IncomingMessage, res: http.ServerResponse, locals: Partial<App.Locals>) => {
  const reply = locals.interestReply ?? locals.referralReply;
  handedToAstro.push({ method: req.method, url: req.url, reply });
  res.writeHead(reply?.status ?? 500, { 'Content-Type': 'text/html' }).end('rendered by Astro');
};

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'aaben-doer-receiver-'));
  const settings = interestSettings({ retentionDays: 180, siteUrl: 'https://aabendoer.example.dk/' }, { DATA_DIR: dir, TRUST_PROXY: '1' });
  runtime = { settings, store: openInterestStore({ dataDir: dir }), secret, limiter: createRateLimiter({ max: 2, windowMs: 60_000 }) };
  const receiver = createFormReceiver({
    forms: [interestForm, referralForm],
    runtime,
    db: runtime.store.db,
    choices: { activities: ['courses', 'mentor'], channels: ['lib1'] },
    renderReply,
  });
  server = http.createServer((req, res) => {
    if (!receiver(req, res)) res.writeHead(418).end('not the receiver');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  runtime.store.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  handedToAstro = [];
});

let client = 0;
/** Each post from its own client address (behind the trusted proxy), unless the test says otherwise. */
function post(body: string | Buffer | ReadableStream, headers: Record<string, string> = {}, url = '/api/interest') {
  client += 1;
  return fetch(base + url, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Origin: base,
      'X-Forwarded-For': `198.51.100.${client}`,
      ...headers,
    },
    body,
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);
}

type Fields = Record<string, string | string[]>;

/** URL-encodes fields in order, repeating array values. */
function encode(fields: Fields): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) params.append(k, x);
  return params.toString();
}

const valid = (overrides: Fields = {}) =>
  encode({
    lang: 'ar',
    token: createFormToken(secret, Date.now() - 10_000),
    name: 'فاطمة',
    phone: '20 12 34 56',
    language: 'ar',
    contact: 'whatsapp',
    time: 'morning',
    activity: ['courses', 'mentor'],
    interpreter: 'yes',
    consent: 'yes',
    via: 'lib1',
    ...overrides,
  });

const rows = () => runtime.store.db.prepare('SELECT count(*) AS n FROM interest').get() as { n: number };

describe('the server’s own door to the interest form', () => {
  it('stores a valid post and answers 303 to the thanks page in her language, with nothing of hers in the URL', async () => {
    const before = rows().n;
    const response = await post(valid({ phone: '٢٠ ١١ ٢٢ ٣٣' }));
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/ar/interest/thanks/');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(rows().n).toBe(before + 1);
    const row = runtime.store.findByPhone('+4520112233')[0];
    expect(row).toMatchObject({
      firstName: 'فاطمة',
      language: 'ar',
      contactMethod: 'whatsapp',
      bestTime: 'morning',
      activities: ['courses', 'mentor'],
      interpreter: true,
      consentLanguage: 'ar',
    });
    const channel = runtime.store.db.prepare('SELECT channel FROM interest WHERE phone = ?').get('+4520112233') as { channel: string };
    expect(channel.channel).toBe('lib1');
  });

  it('takes /api/interest/ too, and multipart forms', async () => {
    expect((await post(valid({ phone: '20112234' }), {}, '/api/interest/')).status).toBe(303);
    const form = new FormData();
    for (const [k, v] of new URLSearchParams(valid({ phone: '20112235' }))) form.append(k, v);
    const multipart = await fetch(`${base}/api/interest`, {
      method: 'POST',
      redirect: 'manual',
      headers: { Origin: base, 'X-Forwarded-For': '198.51.100.250' },
      body: form,
    });
    expect(multipart.status).toBe(303);
    expect(runtime.store.findByPhone('+4520112235')).toHaveLength(1);
  });

  it('refuses a post without a matching Origin with 403 (Astro’s own check is off: this is the check)', async () => {
    const before = rows().n;
    const noOrigin = await fetch(`${base}/api/interest`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: valid(),
    });
    expect(noOrigin.status).toBe(403);
    expect(await noOrigin.text()).toBe('The form must be sent from this site.\n');
    expect((await post(valid(), { Origin: 'https://evil.example' })).status).toBe(403);
    expect((await post(valid(), { Origin: 'null', 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await post(valid({ phone: '20112236' }), { Origin: 'null', 'Sec-Fetch-Site': 'same-origin' })).status).toBe(303);
    expect(rows().n).toBe(before + 1);
  });

  it('refuses anything but a form (cross-origin JSON, text) with 415', async () => {
    const before = rows().n;
    for (const type of ['application/json', 'text/plain', 'application/x-www-form-urlencodedx']) {
      const response = await post(valid(), { 'Content-Type': type });
      expect(response.status).toBe(415);
      expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    }
    expect(rows().n).toBe(before);
  });

  it('refuses a body over 16 KB with 413, declared or not', async () => {
    const before = rows().n;
    expect((await post(valid({ name: 'x'.repeat(17 * 1024) }))).status).toBe(413);
    // Chunked, no Content-Length: it stops keeping the body once past the limit.
    let chunks = 0;
    const long = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode(valid()));
      },
      pull(c) {
        if (++chunks > 16) c.close();
        else c.enqueue(new TextEncoder().encode(`&x=${'y'.repeat(4096)}`));
      },
    });
    const chunked = await post(long);
    expect(chunked.status).toBe(413);
    expect(await chunked.text()).toBe('Too large.\n');
    expect(rows().n).toBe(before);
  });

  it('drops bots silently: the same 303, no row', async () => {
    const before = rows().n;
    for (const body of [
      valid({ extra_note: 'spam' }),
      valid({ token: createFormToken(secret) }),
      valid({ token: `${Date.now().toString(36)}.${'A'.repeat(43)}` }),
    ]) {
      const response = await post(body);
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe('/ar/interest/thanks/');
    }
    expect(rows().n).toBe(before);
    expect(handedToAstro).toEqual([]);
  });

  it('hands a validation error to Astro’s reply page in her language, with what she typed and a fresh token', async () => {
    const before = rows().n;
    const response = await post(valid({ phone: '١٢٣', name: 'سارة', activity: ['courses', 'casino'] }));
    expect(response.status).toBe(400);
    expect(await response.text()).toBe('rendered by Astro');
    expect(rows().n).toBe(before);
    expect(handedToAstro).toHaveLength(1);
    const [{ method, url, reply }] = handedToAstro as [(typeof handedToAstro)[number]];
    expect({ method, url }).toEqual({ method: 'GET', url: '/ar/interest/reply/' });
    expect(reply).toMatchObject({ kind: 'form', status: 400, values: { name: 'سارة', phone: '١٢٣', activities: ['courses', 'casino'] } });
    expect(reply?.kind === 'form' && reply.errors.map((e) => e.field)).toEqual(['phone', 'activity']);
    expect(reply?.kind === 'form' && reply.token).toMatch(/^[0-9a-z]+\.[A-Za-z0-9_-]{43}$/);
  });

  it('asks a page left open too long (or the unsigned placeholder) to be sent again', async () => {
    const response = await post(valid({ token: '__INTEREST_FORM_TOKEN__', lang: 'ur' }));
    expect(response.status).toBe(400);
    expect(handedToAstro[0]).toMatchObject({ url: '/ur/interest/reply/', reply: { errors: [{ field: 'form', code: 'expired' }] } });
  });

  it('applies the rate limit per client: the third post in the window goes to the "wait a little" page', async () => {
    const from = { 'X-Forwarded-For': '6.6.6.6, 203.0.113.77' };
    expect((await post(valid({ phone: '20112237' }), from)).status).toBe(303);
    expect((await post(valid({ phone: '20112238' }), from)).status).toBe(303);
    // The client changes the part it controls: still the same client.
    const blocked = await post(valid({ phone: '20112239', lang: 'fa' }), { 'X-Forwarded-For': '7.7.7.7, 203.0.113.77' });
    expect(blocked.status).toBe(429);
    expect(handedToAstro).toEqual([
      { method: 'GET', url: '/fa/interest/reply/', reply: { kind: 'busy', status: 429, retryAfterSeconds: 60 } },
    ]);
    expect(runtime.store.findByPhone('+4520112239')).toEqual([]);
  });

  it('answers 503 with the form again when the store fails, and logs only the error code', async () => {
    const broken = new DatabaseSync(':memory:');
    broken.close();
    const receiver = createFormReceiver({
      forms: [interestForm],
      runtime,
      db: broken,
      choices: { activities: ['courses'], channels: [] },
      renderReply,
    });
    const own = http.createServer((req, res) => void receiver(req, res));
    await new Promise<void>((resolve) => own.listen(0, '127.0.0.1', resolve));
    const logged: unknown[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...args) => void logged.push(args));
    try {
      const url = `http://127.0.0.1:${(own.address() as AddressInfo).port}/api/interest`;
      const response = await fetch(url, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: new URL(url).origin },
        body: valid({ via: '', activity: 'courses', phone: '20998877' }),
      });
      expect(response.status).toBe(503);
    } finally {
      spy.mockRestore();
      await new Promise((resolve) => own.close(resolve));
    }
    expect(handedToAstro[0]?.reply).toMatchObject({
      kind: 'form',
      status: 503,
      errors: [{ code: 'unavailable' }],
      values: { phone: '20998877' },
    });
    expect(JSON.stringify(logged)).not.toMatch(/20998877|فاطمة/);
    expect(logged).toHaveLength(1);
  });

  it('leaves every other request to the rest of the server', async () => {
    expect((await fetch(`${base}/api/interest`)).status).toBe(418);
    expect((await post(valid(), {}, '/api/interest/?x=1')).status).toBe(418);
    expect((await post(valid(), {}, '/api/other')).status).toBe(418);
  });
});

describe('the server’s own door to the partner referral', () => {
  const today = dayOf(new Date());
  const referral = (overrides: Fields = {}) =>
    encode({
      lang: 'da',
      token: createFormToken(secret, Date.now() - 10_000),
      referrer_name: 'Hanne Holm',
      referrer_role: 'Sundhedsplejerske',
      referrer_org: 'Greve Kommune',
      referrer_contact: 'hanne@greve.example.dk',
      name: 'Samira',
      phone: '30 44 55 66',
      language: 'ar',
      time: 'any',
      consent: ['explained', 'agrees', 'voluntary'],
      consent_how: 'oral',
      feedback: 'yes',
      consent_date: today,
      via: 'lib1',
      ...overrides,
    });

  it('stores a valid referral with its referrer and consent, and answers 303 to the partners’ thanks page', async () => {
    const response = await post(referral(), {}, '/api/referral');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/da/partners/refer/thanks/');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const row = runtime.store.db
      .prepare("SELECT kind, language, channel, heard_via, consent_version FROM interest WHERE phone = '+4530445566'")
      .get();
    expect(row).toEqual({
      kind: 'referral',
      language: 'ar',
      channel: 'lib1',
      heard_via: 'professional',
      consent_version: `referral:oral:${today}`,
    });
  });

  it('hands a referral without consent to the partners’ reply page in English, with what was typed', async () => {
    const response = await post(referral({ lang: 'en', consent: 'explained', phone: '30445567' }), {}, '/api/referral/');
    expect(response.status).toBe(400);
    expect(handedToAstro).toHaveLength(1);
    expect(handedToAstro[0]).toMatchObject({
      method: 'GET',
      url: '/en/partners/refer/reply/',
      reply: {
        kind: 'form',
        status: 400,
        values: { name: 'Samira', consent: ['explained'] },
        errors: [{ key: 'referral.error.consent.missing' }],
      },
    });
    expect(runtime.store.findByPhone('+4530445567')).toEqual([]);
  });

  it('answers in Danish when the page language is not one of the form’s, and drops bots silently', async () => {
    const bot = await post(referral({ lang: 'ar', extra_note: 'spam', phone: '30445568' }), {}, '/api/referral');
    expect(bot.status).toBe(303);
    expect(bot.headers.get('location')).toBe('/da/partners/refer/thanks/');
    expect(runtime.store.findByPhone('+4530445568')).toEqual([]);
  });
});
