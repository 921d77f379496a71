/**
 * The interest receiver under load and abuse, each on a server of its own (temporary data
 * directory, free port): 200 concurrent posts, kill -9 in the middle of writes, the rate limit
 * and X-Forwarded-For, the purge at start-up, and the server's own door against Astro's endpoint,
 * for the interest form and the partner referral.
 */
import { expect, test } from '../helpers/test.ts';
import { DatabaseSync } from 'node:sqlite';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openInterestStore } from '#src/store/interest.ts';
import { formBody, formToken, postInterest, startOwnServer, uniquePhone, validFields, type OwnServer } from '../helpers/interestServer.ts';

test.describe.configure({ mode: 'serial', timeout: 90_000 });

let server: OwnServer | undefined;
test.afterEach(async () => {
  await server?.stop();
  server = undefined;
});

test('200 concurrent valid posts give 200 rows, none lost', async () => {
  server = await startOwnServer({ INTEREST_RATE_LIMIT: '0' });
  const phones = Array.from({ length: 200 }, () => uniquePhone());
  const started = performance.now();
  const statuses = await Promise.all(phones.map((phone) => postInterest(server!.baseURL, validFields({ phone })).then((r) => r.status)));
  const ms = Math.round(performance.now() - started);
  console.log(`200 concurrent registrations stored in ${ms} ms`);
  expect(statuses.filter((s) => s === 303)).toHaveLength(200);

  const store = openInterestStore({ dataDir: server.dataDir });
  const stored = new Set(store.all().map((r) => r.phone));
  store.close();
  expect(stored.size).toBe(200);
  for (const phone of phones) expect(stored.has(`+45${phone}`)).toBe(true);

  // No personal data in the log: not a number, not a name.
  const log = server.output();
  expect(phones.filter((p) => log.includes(p.slice(-6)))).toEqual([]);
  expect(log).not.toContain('فاطمة');
});

test('kill -9 during writes: every acknowledged registration is there and the file is sound', async () => {
  server = await startOwnServer({ INTEREST_RATE_LIMIT: '0' });
  const acknowledged: string[] = [];
  let stop = false;
  // Eight clients post one after another until the server dies under them.
  const clients = Array.from({ length: 8 }, async () => {
    while (!stop) {
      const phone = uniquePhone();
      try {
        const response = await postInterest(server!.baseURL, validFields({ phone }));
        if (response.status === 303) acknowledged.push(phone);
      } catch {
        return; // the connection died with the server
      }
    }
  });
  // Kill it mid-stream, once a good number of writes have been acknowledged.
  const deadline = Date.now() + 30_000;
  while (acknowledged.length < 40 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  server.process.kill('SIGKILL');
  stop = true;
  await Promise.all(clients);
  await server.stop(); // resolves once the killed process has exited
  console.log(`${acknowledged.length} registrations acknowledged before kill -9`);
  expect(acknowledged.length).toBeGreaterThanOrEqual(40);

  const db = new DatabaseSync(path.join(server.dataDir, 'interest.sqlite'));
  expect(db.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
  const stored = new Set(
    db
      .prepare('SELECT phone FROM interest')
      .all()
      .map((r) => r.phone),
  );
  db.close();
  const lost = acknowledged.filter((p) => !stored.has(`+45${p}`));
  expect(lost).toEqual([]);
});

test('the rate limit answers 429 in her language, and a spoofed X-Forwarded-For does not get round it', async () => {
  server = await startOwnServer({ INTEREST_RATE_LIMIT: '3' });
  for (let i = 0; i < 3; i++) expect((await postInterest(server.baseURL, validFields())).status).toBe(303);
  const blocked = await postInterest(server.baseURL, validFields({ lang: 'ur' }), { 'X-Forwarded-For': '198.51.100.7' });
  expect(blocked.status).toBe(429);
  expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
  const html = await blocked.text();
  expect(html).toContain('<html lang="ur" dir="rtl"');
  expect(html).toContain('تھوڑا انتظار کریں');
});

test('behind a trusted proxy, clients are told apart by the address the proxy appends', async () => {
  server = await startOwnServer({ INTEREST_RATE_LIMIT: '2', TRUST_PROXY: '1' });
  const from = (ip: string, spoofed = '6.6.6.6') => ({ 'X-Forwarded-For': `${spoofed}, ${ip}` });
  expect((await postInterest(server.baseURL, validFields(), from('203.0.113.1'))).status).toBe(303);
  expect((await postInterest(server.baseURL, validFields(), from('203.0.113.1', '7.7.7.7'))).status).toBe(303);
  // The client changes the part it controls: still the same client for us.
  expect((await postInterest(server.baseURL, validFields(), from('203.0.113.1', '8.8.8.8'))).status).toBe(429);
  expect((await postInterest(server.baseURL, validFields(), from('203.0.113.2'))).status).toBe(303);
});

test('the server purges registrations past the retention period when it starts', async () => {
  const first = await startOwnServer();
  const store = openInterestStore({ dataDir: first.dataDir });
  const day = 24 * 60 * 60 * 1000;
  const row = {
    firstName: 'x',
    phone: '+4520000000',
    language: 'da',
    contactMethod: 'call' as const,
    bestTime: 'any',
    activities: [],
    interpreter: false,
    consentVersion: 'v',
    consentLanguage: 'da',
  };
  store.add({ ...row, firstName: 'old' }, new Date(Date.now() - 181 * day));
  store.add({ ...row, firstName: 'recent' }, new Date(Date.now() - 179 * day));
  store.close();
  await first.stop();

  server = await startOwnServer({}, first.dataDir);
  const after = openInterestStore({ dataDir: first.dataDir });
  expect(after.all().map((r) => r.firstName)).toEqual(['recent']);
  after.close();
});

test('an empty form-secret file is replaced at start: a token signed with an empty key stores nothing', async () => {
  const dataDir = path.join(mkdtempSync(path.join(tmpdir(), 'interest-e2e-')), 'data');
  mkdirSync(dataDir, { mode: 0o755 });
  chmodSync(dataDir, 0o755);
  writeFileSync(path.join(dataDir, 'form-secret'), '');
  // No FORM_SECRET: the server reads the file, as in production.
  server = await startOwnServer({ FORM_SECRET: '', INTEREST_RATE_LIMIT: '0' }, dataDir);
  const secret = readFileSync(path.join(dataDir, 'form-secret'), 'utf8');
  expect(secret).toMatch(/^[0-9a-f]{64}$/);
  expect(server.output()).toContain('form-secret was empty; replaced with a new random secret');
  expect(server.output()).not.toContain(secret);
  expect(statSync(dataDir).mode & 0o777).toBe(0o700);
  const forged = validFields({}, '');
  expect((await postInterest(server.baseURL, forged)).status).toBe(303);
  const rows = () => new DatabaseSync(path.join(dataDir, 'interest.sqlite')).prepare('SELECT count(*) AS n FROM interest').get();
  expect(rows()).toEqual({ n: 0 });
  // The same post signed with the new secret is stored: the check above could fail.
  expect((await postInterest(server.baseURL, validFields({}, secret))).status).toBe(303);
  expect(rows()).toEqual({ n: 1 });
});

/** What to post for a phone number (body, and headers), and how many rows each door stores. */
type DoorCase = [what: string, make: (phone: string) => [string, Record<string, string>?], stored: number];

/** Posting through either door of a running server, and what to compare of the answers and the rows. */
function bothDoors(own: OwnServer) {
  let client = 0;
  const post = (door: string, body: string, headers: Record<string, string> = {}) =>
    fetch(new URL(door, own.baseURL), {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: own.baseURL,
        'X-Forwarded-For': `203.0.113.${++client}`,
        ...headers,
      },
      body,
    });
  /** Status, headers and body, without what differs from one answer to the next (dates, signed times). */
  const seen = async (response: Response) => ({
    status: response.status,
    headers: [...response.headers].filter(
      ([name]) => !['date', 'content-length', 'transfer-encoding', 'connection', 'keep-alive'].includes(name),
    ),
    body: (await response.text()).replace(/name="token" value="[^"]+"/g, 'name="token" value=""'),
  });
  /** The stored rows for a phone number, without what differs from one row to the next (id, time). */
  const rowFor = (phone: string) => {
    const db = new DatabaseSync(path.join(own.dataDir, 'interest.sqlite'), { readOnly: true });
    try {
      const rows = db.prepare('SELECT * FROM interest WHERE phone = ?').all(`+45${phone}`);
      return rows.map(({ id: _id, created_at: _at, ...rest }) => rest);
    } finally {
      db.close();
    }
  };
  /** Each case's post through both doors (her number comes back in the page when it is not stored): the same answer, the same rows. */
  const sameFromBoth = async (doors: { server: string; astro: string }, cases: DoorCase[]) => {
    for (const [what, make, stored] of cases) {
      const phone = uniquePhone();
      const [fromServer, fromAstro] = [
        await seen(await post(doors.server, ...make(phone))),
        await seen(await post(doors.astro, ...make(phone))),
      ];
      expect(fromServer, what).toEqual(fromAstro);
      const rows = rowFor(phone);
      expect(rows, what).toHaveLength(2 * stored);
      if (stored) expect(rows[0], what).toEqual(rows[1]);
    }
  };
  return { post, sameFromBoth };
}

test('the server’s own door answers exactly as Astro’s endpoint: every check, her language, the rows', async () => {
  // The server answers /api/interest itself (src/forms/formReceiver.ts); with a query the
  // same post still reaches Astro's endpoint (src/pages/api/interest.ts). Both run receiveForm().
  server = await startOwnServer({ INTEREST_RATE_LIMIT: '2', TRUST_PROXY: '1' });
  const doors = { server: '/api/interest', astro: '/api/interest/?door=astro' };
  const { post, sameFromBoth } = bothDoors(server);
  // Every activity the Arabic form offers (the server reads them from content/, Astro from its collection).
  const formPage = await (await fetch(new URL('/ar/interest/', server.baseURL))).text();
  const activities = [...formPage.matchAll(/name="activity" value="([^"]+)"/g)].map((m) => m[1]!);
  const body = (fields: Record<string, string | string[]>) => formBody(validFields(fields));

  const cases: DoorCase[] = [
    [
      'a valid registration with every activity',
      (phone) => [body({ phone, activity: activities, interpreter: 'yes', time: 'afternoon' })],
      1,
    ],
    ['a valid registration in Urdu', (phone) => [body({ phone, lang: 'ur', contact: 'sms', heard: 'flyer' })], 1],
    ['an empty Origin', (phone) => [body({ phone }), { Origin: '' }], 0],
    ['a foreign Origin', (phone) => [body({ phone }), { Origin: 'https://evil.example' }], 0],
    ['cross-site JSON', (phone) => [JSON.stringify(validFields({ phone })), { 'Content-Type': 'application/json' }], 0],
    ['over 16 KB', (phone) => [body({ phone, name: 'x'.repeat(17 * 1024) })], 0],
    ['a bad phone, typed values kept, in Arabic', () => [body({ phone: '1234 567', name: 'سارة', time: 'afternoon' })], 0],
    [
      'an unknown activity and no consent',
      (phone) => [
        formBody(Object.fromEntries(Object.entries(validFields({ phone, activity: 'casino' })).filter(([k]) => k !== 'consent'))),
      ],
      0,
    ],
    ['the unsigned placeholder', (phone) => [body({ phone, token: '__INTEREST_FORM_TOKEN__' })], 0],
    ['a bot (honeypot)', (phone) => [body({ phone, extra_note: 'x' })], 0],
    ['a bot (too quick)', (phone) => [body({ phone, token: formToken(undefined, 0) })], 0],
  ];
  await sameFromBoth(doors, cases);
  // What she typed comes back in her language, from the server's door too.
  const again = await post(doors.server, body({ phone: '1234', name: 'سارة' }));
  expect(again.status).toBe(400);
  const html = await again.text();
  expect(html).toContain('<html lang="ar" dir="rtl"');
  expect(html).toContain('value="سارة"');
  expect(html).toContain('value="1234"');
  // The rate limit: the third post of one client in the window, through either door.
  for (const door of [doors.server, doors.astro]) {
    const from = { 'X-Forwarded-For': `198.51.100.${door === doors.server ? 1 : 2}` };
    expect((await post(door, body({ phone: uniquePhone() }), from)).status).toBe(303);
    expect((await post(door, body({ phone: uniquePhone() }), from)).status).toBe(303);
    const blocked = await post(door, body({ phone: uniquePhone(), lang: 'fa' }), from);
    expect(blocked.status, door).toBe(429);
    expect(await blocked.text()).toContain('<html lang="fa" dir="rtl"');
  }
});

test('the server’s own door answers the partner referral exactly as Astro’s endpoint', async () => {
  server = await startOwnServer({ INTEREST_RATE_LIMIT: '0' });
  const doors = { server: '/api/referral', astro: '/api/referral/?door=astro' };
  const { post, sameFromBoth } = bothDoors(server);
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(new Date());
  const referral = (fields: Record<string, string | string[]>) =>
    formBody({
      lang: 'da',
      token: formToken(),
      referrer_name: 'Hanne Holm',
      referrer_role: 'Sundhedsplejerske',
      referrer_org: 'Greve Kommune',
      referrer_contact: 'hanne@greve.example.dk',
      name: 'Samira',
      language: ['ar', 'da'],
      time: 'any',
      consent: ['explained', 'agrees', 'voluntary'],
      consent_how: 'oral',
      feedback: 'yes',
      consent_date: today,
      ...fields,
    });
  const cases: DoorCase[] = [
    ['a valid referral', (phone) => [referral({ phone, note: 'Helst formiddag.', interpreter: 'yes' })], 1],
    ['a valid referral in English', (phone) => [referral({ phone, lang: 'en', feedback: 'no' })], 1],
    ['no consent, what was typed kept', (phone) => [referral({ phone, consent: 'explained', lang: 'en' })], 0],
    ['a foreign Origin', (phone) => [referral({ phone }), { Origin: 'https://evil.example' }], 0],
    ['over 16 KB', (phone) => [referral({ phone, note: 'x'.repeat(17 * 1024) })], 0],
    ['the unsigned placeholder', (phone) => [referral({ phone, token: '__INTEREST_FORM_TOKEN__' })], 0],
    ['a bot (honeypot)', (phone) => [referral({ phone, extra_note: 'x' })], 0],
  ];
  await sameFromBoth(doors, cases);
  // The form again, from the server's door: in English, with what the partner typed.
  const again = await post(doors.server, referral({ phone: uniquePhone(), consent: 'explained', lang: 'en' }));
  expect(again.status).toBe(400);
  const html = await again.text();
  expect(html).toContain('<html lang="en" dir="ltr"');
  expect(html).toContain('value="Samira"');
  expect(html).toContain('href="#referral-consent"');
});
