/**
 * On a request's page, beside the "call back" message: the ready invitation to the next
 * information meeting in her language (Somali), its Danish meaning, SMS and WhatsApp links, and
 * the status "invited to a meeting" with the date; the results count her as invited.
 */
import { expect, test, type Page } from '../helpers/test.ts';
import { axeViolations } from '../helpers/axe.ts';
import { startOwnServer, type OwnServer } from '../helpers/interestServer.ts';
import { addAuthenticator, inviteByCli, sendSomaliInterest } from '../helpers/staffInbox.ts';

test.describe.configure({ mode: 'serial', timeout: 120_000 });

// E2E_PORT is the shared server, +1 and +2 the inbox spec's server and mail sink.
const port = Number(process.env.E2E_PORT ?? 4322) + 3;
const origin = `http://localhost:${port}`;
let server: OwnServer;

test.beforeAll(async () => {
  server = await startOwnServer({ PUBLIC_ORIGIN: origin, INTEREST_MIN_FILL_MS: '0', INTEREST_RATE_LIMIT: '0' }, undefined, port);
});
test.afterAll(async () => {
  await server?.stop();
});
test.use({ baseURL: origin });

async function signIn(page: Page) {
  const link = inviteByCli({ ...process.env, DATA_DIR: server.dataDir, PUBLIC_ORIGIN: origin }, '--name', 'Maryam Ali', '--coordinator');
  await addAuthenticator(page);
  await page.goto(link);
  await page.getByRole('button', { name: 'Opret adgangsnøgle' }).click();
  await expect(page).toHaveURL(/\/inbox\/me\/\?welcome$/);
}

test('staff invite a Somali woman to the next meeting with an interpreter, in Somali, and mark her invited', async ({ page }) => {
  await signIn(page);
  await sendSomaliInterest(page, origin);

  await page.goto('/inbox/');
  await page.locator('li', { hasText: 'Hodan' }).getByRole('link', { name: /Åbn/ }).click();
  const invitation = page.locator('[data-meeting-invitation]');
  await expect(invitation.getByRole('heading', { level: 2 })).toHaveText('Invitér hende til næste informationsmøde');
  // The demo's next meeting with a Somali interpreter: 14 January 2027 (content/meetings/).
  const message = invitation.locator('blockquote[lang="so"]');
  await expect(message).toContainText('Salaan Hodan, waxaan ahay Maryam oo ka socda Åben Dør.');
  await expect(message).toContainText('Khamiis, Janaayo 14, 2027, saacadda 17:00–19:00');
  await expect(message).toContainText('https://www.openstreetmap.org/?mlat=');
  await expect(message).toContainText('Kulanku waa haweenka oo keliya.');
  await expect(message).toContainText('Waxaa jiri doona turjubaan Soomaali ah.');
  await expect(invitation.locator('p[lang="da"]')).toContainText('torsdag den 14. januar 2027 kl. 17.00–19.00');
  await expect(invitation.locator('p[lang="da"]')).toContainText('Der er tolk på somali.');
  const sms = await invitation.locator('[data-invitation-sms]').getAttribute('href');
  expect(sms).toMatch(/^sms:\+4520998877\?body=Salaan%20Hodan/);
  expect(decodeURIComponent(sms!.split('?body=')[1]!)).toBe(await message.textContent().then((t) => t!.trim()));
  await expect(invitation.locator('[data-invitation-whatsapp]')).toHaveAttribute('href', /^https:\/\/wa\.me\/4520998877\?text=Salaan/);
  expect(await axeViolations(page)).toEqual([]);

  await invitation.getByRole('button', { name: 'Markér: inviteret til mødet 14. januar 2027' }).click();
  await expect(page.getByRole('heading', { name: 'Status: Inviteret til et møde' })).toBeVisible();
  await expect(page.locator('[data-invited]')).toHaveText('Inviteret til mødet 14. januar 2027');

  await page.goto('/inbox/results/');
  const results = page.locator('[data-results="invitations"]');
  await expect(results.locator('tbody tr')).toHaveText([/14\. januar 2027\s*1\s*0/]);
});
