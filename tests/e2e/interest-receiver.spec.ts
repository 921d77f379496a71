/**
 * The interest receiver under load and abuse, each on a server of its own (temporary data
 * directory, free port): 200 concurrent posts, kill -9 in the middle of writes, the rate limit
 * and X-Forwarded-For, and the purge at start-up.
 */
import { expect, test } from '../helpers/test.ts';
import { DatabaseSync } from 'node:sqlite';
import path from 'node:path';
import { openInterestStore } from '#src/interest/interestStore.ts';
import { postInterest, startOwnServer, uniquePhone, validFields, type OwnServer } from '../helpers/interestServer.ts';

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
