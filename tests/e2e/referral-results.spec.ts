/**
 * Channels, referrals and results end to end, on a server of its own: /r/<code> redirects and
 * counts (unknown → home, too long → 404); a form sent after /r/<code> stores that code; a partner's
 * referral sent with JavaScript off reaches the inbox with the referrer shown; closing it offers
 * the message to the referrer; deleting requests keeps the monthly counts; the results page shows
 * exactly the numbers this test made, and its Excel export writes 1–4 as "<5".
 */
import { expect, test, type Page } from '../helpers/test.ts';
import { axeViolations } from '../helpers/axe.ts';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import ExcelJS from 'exceljs';
import { startOwnServer, type OwnServer } from '../helpers/interestServer.ts';
import { addAuthenticator, inviteByCli } from '../helpers/staffInbox.ts';

test.describe.configure({ mode: 'serial' });

const port = Number(process.env.E2E_PORT ?? 4322) + 5;
const origin = `http://localhost:${port}`;
let server: OwnServer;
const db = () => new DatabaseSync(path.join(server.dataDir, 'interest.sqlite'));
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(new Date());
const month = today.slice(0, 7);

test.beforeAll(async () => {
  server = await startOwnServer({ PORT: String(port), PUBLIC_ORIGIN: origin, INTEREST_MIN_FILL_MS: '0', INTEREST_RATE_LIMIT: '0' });
});
test.afterAll(async () => server?.stop());
test.use({ baseURL: origin });

const visits = () =>
  Object.fromEntries(
    (db().prepare('SELECT code, sum(count) AS n FROM link_visits GROUP BY code').all() as { code: string; n: number }[]).map((r) => [
      r.code,
      r.n,
    ]),
  );

test('a short link redirects to the home page in its language and counts the visit, storing nothing about the visitor', async () => {
  const go = (p: string) => fetch(origin + p, { redirect: 'manual', headers: { 'User-Agent': 'test-agent/1.0', Cookie: 'x=y' } });
  let res = await go('/r/sp-greve/so');
  expect(res.status).toBe(302);
  expect(res.headers.get('location')).toBe('/so/?via=sp-greve');
  expect(res.headers.get('set-cookie')).toBeNull();
  res = await go('/r/SP-GREVE');
  expect(res.headers.get('location')).toBe('/?via=sp-greve');
  for (const unknown of ['/r/nobody', '/r/%3Cscript%3E', '/r/']) {
    res = await go(unknown);
    expect(res.status, unknown).toBe(302);
    expect(res.headers.get('location'), unknown).toBe('/');
  }
  expect((await go(`/r/${'x'.repeat(33)}`)).status).toBe(404);
  // A link checker's HEAD is answered but not counted; no other method is.
  const head = await fetch(`${origin}/r/sp-greve`, { method: 'HEAD', redirect: 'manual' });
  expect([head.status, head.headers.get('location')]).toEqual([302, '/?via=sp-greve']);
  expect((await fetch(`${origin}/r/sp-greve`, { method: 'POST', redirect: 'manual' })).status).toBe(405);
  // Counts are written in batches, every few seconds.
  await expect.poll(visits, { timeout: 15_000 }).toEqual({ 'sp-greve': 2, _unknown: 3 });
  const stored = JSON.stringify(db().prepare('SELECT * FROM link_visits').all());
  expect(stored).not.toMatch(/127\.0\.0\.1|test-agent|x=y/);
});

test('a form sent after /r/<code> stores that code and her answer, with no cookie and no JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/r/sp-greve/so');
  await expect(page).toHaveURL(/\/so\/\?via=sp-greve$/);
  // Any link to another page carries the code on, to the form.
  await page.goto((await page.locator('a[href^="/so/interest/"]').first().getAttribute('href'))!);
  await expect(page).toHaveURL(/\/so\/interest\/\?via=sp-greve$/);
  await expect(page.locator('input[name="via"]')).toHaveValue('sp-greve');
  await page.locator('input[name="name"]').fill('Hodan');
  await page.locator('input[name="phone"]').fill('20 11 22 33');
  await page.locator('input[name="heard"][value="flyer"]').check();
  await page.locator('#interest-consent').check();
  await page.locator('form[action="/api/interest"] button[type="submit"]').click();
  await expect(page).toHaveURL(/\/so\/interest\/thanks\/$/);
  expect(await context.cookies()).toEqual([]);
  expect(db().prepare("SELECT kind, channel, heard_via, language FROM interest WHERE first_name = 'Hodan'").get()).toEqual({
    kind: 'interest',
    channel: 'sp-greve',
    heard_via: 'flyer',
    language: 'so',
  });
  await context.close();
});

/** Invites a coordinator (she deletes and exports) with the CLI and signs her in with a virtual passkey. */
async function signInAsNewStaff(page: Page, name: string) {
  await addAuthenticator(page);
  await page.goto(inviteByCli({ ...process.env, DATA_DIR: server.dataDir, PUBLIC_ORIGIN: origin }, '--name', name, '--coordinator'));
  await page.getByRole('button', { name: 'Opret adgangsnøgle' }).click();
  await expect(page).toHaveURL(/\/inbox\/me\/\?welcome$/);
}

async function fillReferral(page: Page, who = { name: 'Samira', org: 'Greve Kommune, Sundhedsplejen', contact: 'hanne@greve.example.dk' }) {
  await page.locator('input[name="referrer_name"]').fill('Hanne Holm');
  await page.locator('input[name="referrer_role"]').fill('Sundhedsplejerske');
  await page.locator('input[name="referrer_org"]').fill(who.org);
  await page.locator('input[name="referrer_contact"]').fill(who.contact);
  await page.locator('input[name="name"]').fill(who.name);
  await page.locator('input[name="phone"]').fill('30 44 55 66');
  await page.locator('input[name="language"][value="ar"]').check();
  await page.locator('textarea[name="note"]').fill('Helst formiddag.');
  await page.locator('input[name="consent_how"][value="oral"]').check();
  await page.locator('input[name="feedback"][value="yes"]').check();
  await page.locator('input[name="consent_date"]').fill(today);
}

test('a referral without consent comes back with the error in the summary and what was typed kept; with consent it is stored', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/da/partners/refer/');
  await fillReferral(page);
  await page.locator('button[type="submit"]').click();
  await expect(page.locator('.error-summary')).toContainText('Bekræft alle tre punkter om samtykke');
  await expect(page.locator('.error-summary a')).toHaveAttribute('href', '#referral-consent');
  await expect(page.locator('input[name="name"]')).toHaveValue('Samira');
  await expect(page.locator('input[name="referrer_org"]')).toHaveValue('Greve Kommune, Sundhedsplejen');
  await expect(page.locator('textarea[name="note"]')).toHaveValue('Helst formiddag.');
  for (const box of ['explained', 'agrees', 'voluntary']) await page.locator(`input[name="consent"][value="${box}"]`).check();
  await page.locator('button[type="submit"]').click();
  await expect(page).toHaveURL(/\/da\/partners\/refer\/thanks\/$/);
  const row = db().prepare("SELECT kind, language, referral FROM interest WHERE first_name = 'Samira'").get() as {
    kind: string;
    language: string;
    referral: string;
  };
  expect(row.kind).toBe('referral');
  expect(row.language).toBe('ar');
  expect(JSON.parse(row.referral)).toMatchObject({
    referrer: { name: 'Hanne Holm' },
    consent: { how: 'oral', feedback: true, date: today },
  });
  await context.close();
});

test('the inbox shows the referrer, offers the message to the referrer once closed, and the results count exactly what happened', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signInAsNewStaff(page, 'Leyla');

  await page.goto('/inbox/');
  const card = page.locator('li', { hasText: 'Samira' });
  await expect(card.locator('[data-referrer]')).toContainText('Hanne Holm, Greve Kommune, Sundhedsplejen');
  await card.getByRole('link', { name: /Åbn/ }).click();
  const referrer = page.locator('section[data-referrer]');
  await expect(referrer).toContainText('Sundhedsplejerske');
  await expect(referrer).toContainText('hanne@greve.example.dk');
  await expect(referrer.locator('[data-referrer-check="verified"]')).toContainText(
    'Kendt samarbejdspartner: Greve Kommune, Sundhedsplejen',
  );
  await expect(page.locator('[data-referrer-message]')).toHaveCount(0);
  await page.getByLabel('Startet').check();
  await page.getByRole('button', { name: 'Sæt status' }).click();
  const message = page.locator('[data-referrer-message]');
  await expect(message).toContainText('Vi har været i kontakt med den kvinde, du henviste');
  await expect(message).not.toContainText('Samira');
  await expect(message.getByRole('link')).toHaveAttribute('href', /^mailto:hanne%40greve\.example\.dk\?subject=/);

  // Her right to erasure: both requests go; the counts stay.
  for (const name of ['Samira', 'Hodan']) {
    const id = (db().prepare('SELECT id FROM interest WHERE first_name = ?').get(name) as { id: number }).id;
    await page.goto(`/inbox/request/${id}/delete/`);
    await page.getByRole('button', { name: 'Ja, slet nu' }).click();
    await expect(page).toHaveURL(/\/inbox\/\?done=deleted$/);
  }
  expect(db().prepare('SELECT count(*) AS n FROM interest').get()).toEqual({ n: 0 });

  // The visit on the way to the form is in the database (visits are written every few seconds).
  await expect.poll(visits, { timeout: 15_000 }).toEqual({ 'sp-greve': 3, _unknown: 3 });
  await page.goto('/inbox/results/');
  const rows = (table: string) =>
    page
      .locator(`[data-results="${table}"] tbody tr`)
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent!.trim()).join(' = ')));
  // Two visits in the first test and one on the way to the form; three unknown.
  expect(await rows('visits')).toEqual(['ukendt kode = 3', 'Sundhedsplejen i Greve (sp-greve) = 3']);
  expect(await rows('channels')).toEqual(['(ingen) = 1', 'Sundhedsplejen i Greve (sp-greve) = 1']);
  expect(await rows('answers')).toEqual(['Flyer eller plakat = 1', 'Sundhedsplejerske, skole eller jobcenter = 1']);
  expect(await rows('languages')).toEqual(['arabisk (العربية) = 1', 'somali (Soomaali) = 1']);
  expect(await rows('funnel')).toEqual(['Ny henvendelse = 2', 'Kontaktet = 1', 'Kom til et møde = 1', 'Startet = 1']);
  expect(await rows('organisations')).toEqual(['Greve Kommune, Sundhedsplejen = 1']);
  await expect(page.locator('[data-results="visits"] svg rect')).toHaveCount(2);
  expect(await axeViolations(page)).toEqual([]);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Hent som Excel/ }).click()]);
  expect(download.suggestedFilename()).toBe(`resultater-${month}.xlsx`);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
  const cells = book.worksheets[0]!.getSheetValues().flatMap((r) => (Array.isArray(r) ? [r.slice(1).join(' | ')] : []));
  expect(cells).toContain('Sundhedsplejen i Greve (sp-greve) | <5');
  expect(cells).not.toContain('Sundhedsplejen i Greve (sp-greve) | 3');
});

test('a closed referral offers the message only to a known partner’s contact; an unverified one gets its known number, no link', async ({
  browser,
  page,
}) => {
  test.setTimeout(120_000);
  // A bydelsmor's listed mobile; someone posing as the health visitors with a look-alike domain; an organisation nobody knows.
  const referrals = [
    { name: 'Verified', org: 'Bydelsmødre Greve Nord', contact: '+45 00 00 00 14' },
    { name: 'Posing', org: 'Sundhedsplejen i Greve', contact: 'hanne@greve.example.dk.evil.test' },
    { name: 'Stranger', org: 'Ukendt Forening', contact: '+45 30 30 30 30' },
  ];
  const form = await browser.newContext({ javaScriptEnabled: false });
  const formPage = await form.newPage();
  for (const who of referrals) {
    await formPage.goto('/da/partners/refer/');
    await fillReferral(formPage, who);
    for (const box of ['explained', 'agrees', 'voluntary']) await formPage.locator(`input[name="consent"][value="${box}"]`).check();
    await formPage.locator('button[type="submit"]').click();
    await expect(formPage).toHaveURL(/\/da\/partners\/refer\/thanks\/$/);
  }
  await form.close();

  await signInAsNewStaff(page, 'Nadia');
  const open = async (name: string) => {
    const id = (db().prepare('SELECT id FROM interest WHERE first_name = ?').get(name) as { id: number }).id;
    await page.goto(`/inbox/request/${id}/`);
    await page.getByLabel('Startet').check();
    await page.getByRole('button', { name: 'Sæt status' }).click();
    await expect(page).toHaveURL(/\?done=saved$/);
  };
  const referrer = page.locator('section[data-referrer]');

  await open('Verified');
  await expect(referrer.locator('[data-referrer-check="verified"]')).toContainText('Bydelsmødre Greve Nord');
  await expect(page.locator('[data-referrer-check="unverified"]')).toHaveCount(0);
  await expect(page.locator('[data-referrer-message] a')).toHaveAttribute('href', /^sms:\+4500000014\?body=Hej%20Hanne/);

  await open('Posing');
  const warning = referrer.locator('[data-referrer-check="unverified"]');
  await expect(warning).toContainText(
    'Ikke-bekræftet henviser: bekræft ingenting. Ring til samarbejdspartneren på dens kendte nummer: +45 00 00 00 10 (Greve Kommune, Sundhedsplejen).',
  );
  await expect(warning.getByRole('link')).toHaveAttribute('href', 'tel:+4500000010');
  await expect(referrer).toContainText('men henviseren er ikke bekræftet: der er ingen færdig besked');
  await expect(page.locator('[data-referrer-message]')).toHaveCount(0);
  await expect(page.getByText('Vi har været i kontakt')).toHaveCount(0);
  // Nothing on the page leads to the typed address.
  await expect(page.locator('a[href^="mailto:"]')).toHaveCount(0);
  await expect(page.locator('a[href*="evil"]')).toHaveCount(0);
  // Readable on a 360 px phone: nothing runs off the side.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: test.info().outputPath('unverified-referrer-360.png'), fullPage: true });

  await open('Stranger');
  await expect(referrer.locator('[data-referrer-check="unverified"]')).toContainText(
    'Organisationen er ikke på vores liste over samarbejdspartnere',
  );
  await expect(referrer.locator('[data-referrer-check="unverified"] a')).toHaveCount(0);
  await expect(page.locator('[data-referrer-message]')).toHaveCount(0);
});

test('results are for signed-in staff only', async () => {
  const res = await fetch(`${origin}/inbox/results/`, { redirect: 'manual' });
  expect(res.status).toBe(303);
  expect(res.headers.get('location')).toBe('/inbox/signin/');
  const post = await fetch(`${origin}/inbox/results/export/`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin },
    body: `month=${month}`,
  });
  expect(post.status).toBe(401);
});
