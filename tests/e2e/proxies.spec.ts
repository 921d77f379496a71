/**
 * The site behind Caddy and behind nginx over real TLS, from deploy/Caddyfile and deploy/nginx.conf
 * (tests/helpers/proxies.ts): pages and assets answer 200 over https in Chromium, http:// redirects
 * to https://, every answer carries HSTS once, nothing is compressed twice, a form sent in the
 * browser arrives, a coordinator's invite → passkey → sign-in works through the proxy and shows
 * that form in the inbox, the Origin check compares the scheme, and the per-client limits of the
 * form and of sign-in count the real client (TRUST_PROXY=1): a client-sent X-Forwarded-For does
 * not reach the server as hers. One server and proxy per proxy, shared by its tests.
 */
import zlib from 'node:zlib';
import type { Browser } from '@playwright/test';
import { expect, test } from '../helpers/test.ts';
import { formBody, validFields } from '../helpers/interestServer.ts';
import { addAuthenticator, inviteByCli as staffInvite } from '../helpers/staffInbox.ts';
import { proxiedPage, proxyNames, startBehindProxy, type ProxiedSite } from '../helpers/proxies.ts';

const hsts = 'max-age=31536000; includeSubDomains';

/** The staff CLI's invite link for the server behind `site` (its data directory, its https origin). */
function inviteByCli(site: ProxiedSite, ...args: string[]): string {
  const link = staffInvite({ ...process.env, DATA_DIR: site.server().dataDir, PUBLIC_ORIGIN: site.origin }, ...args);
  expect(link).toMatch(/^https:\/\//);
  return link;
}

for (const proxyName of proxyNames) {
  test.describe(`behind ${proxyName}`, () => {
    test.describe.configure({ mode: 'serial', timeout: 60_000 });
    let site: ProxiedSite;
    let browser: Browser;

    test.beforeAll(async () => {
      test.setTimeout(60_000);
      // Low form and sign-in limits to reach them quickly; no minimum fill time for the browser's post.
      site = await startBehindProxy(proxyName, { INTEREST_RATE_LIMIT: '2', INBOX_RATE_LIMIT: '6', INTEREST_MIN_FILL_MS: '0' });
      browser = await site.launchBrowser();
    });
    test.afterAll(async () => {
      await browser?.close();
      await site?.stop();
    });

    test('pages and their assets answer 200 over https, in Danish and in Arabic', async () => {
      const page = await proxiedPage(browser);
      const responses: { url: string; status: number }[] = [];
      page.on('response', (r) => responses.push({ url: r.url(), status: r.status() }));
      const da = await page.goto(`${site.origin}/da/`);
      expect(da?.status()).toBe(200);
      expect((await da!.securityDetails())?.protocol).toMatch(/^TLS 1\.[23]$/);
      // A secure context: what passkeys and Secure cookies need.
      expect(await page.evaluate(() => window.isSecureContext)).toBe(true);
      const ar = await page.goto(`${site.origin}/ar/`);
      expect(ar?.status()).toBe(200);
      await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
      const assets = responses.filter((r) => new URL(r.url).pathname.startsWith('/_astro/'));
      expect(assets.length).toBeGreaterThan(0);
      for (const r of responses) {
        expect(r.url.startsWith(`${site.origin}/`), r.url).toBe(true);
        expect(r.status, r.url).toBe(200);
      }
      await page.context().close();
    });

    test('http:// answers with a permanent redirect to the same address over https://', async () => {
      const res = await site.request('/da/activities/?from=flyer', { plain: true });
      expect([301, 308]).toContain(res.status);
      expect(res.headers.location).toBe(`${site.origin}/da/activities/?from=flyer`);
      // And in a browser that has never seen the site (no HSTS yet): it lands on https.
      const page = await proxiedPage(browser);
      await page.goto(`${site.httpOrigin}/da/`);
      expect(page.url()).toBe(`${site.origin}/da/`);
      await page.context().close();
    });

    test('pages, assets and errors carry HSTS exactly once', async () => {
      const home = await site.request('/da/');
      const asset = /\/_astro\/[^"']+\.css/.exec(home.body.toString())?.[0];
      expect(asset).toBeDefined();
      for (const pathname of ['/da/', asset!, '/no-such-page/']) {
        const res = await site.request(pathname);
        expect(res.status, pathname).toBe(pathname === '/no-such-page/' ? 404 : 200);
        const values = res.rawHeaders.filter((_, i) => i % 2 === 0 && res.rawHeaders[i]!.toLowerCase() === 'strict-transport-security');
        expect(values, pathname).toHaveLength(1);
        expect(res.headers['strict-transport-security'], pathname).toBe(hsts);
      }
      // The server sends it too (its PUBLIC_ORIGIN is https), on every kind of answer: the proxy replaces it, never adds a second.
      const direct = site.server().baseURL;
      const answers = [
        await fetch(`${direct}/da/`),
        await fetch(`${direct}${asset!}`),
        await fetch(`${direct}/no-such-page/`),
        await fetch(`${direct}/r/nobody`, { redirect: 'manual' }),
        await fetch(`${direct}/api/interest`, { method: 'POST', headers: { Origin: 'https://evil.example' } }),
      ];
      expect(answers.map((r) => [r.status, r.headers.get('strict-transport-security')])).toEqual(
        [200, 200, 404, 302, 415].map((status) => [status, hsts]),
      );
    });

    test('a page is compressed once, by the server', async () => {
      const res = await site.request('/da/', { headers: { 'Accept-Encoding': 'br' } });
      expect(res.headers['content-encoding']).toBe('br');
      expect(zlib.brotliDecompressSync(res.body).toString()).toMatch(/^<!DOCTYPE html>/i);
    });

    test('a body far over the forms’ size is answered 413, never 502 (by nginx; through Caddy by the server)', async () => {
      const res = await site.request('/api/interest', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: site.origin },
        body: `name=${'a'.repeat(100_000)}`,
      });
      expect(res.status).toBe(413);
      // Several at once: under load the server's answer came before Caddy had sent the body, the
      // server closed the socket with the rest unread, the kernel reset it and Caddy said 502.
      const many = await Promise.all(
        Array.from({ length: 24 }, () =>
          site.request('/api/interest', {
            method: 'POST',
            headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: site.origin },
            body: `name=${'a'.repeat(900_000)}`,
          }),
        ),
      );
      expect(many.map((r) => r.status)).toEqual(Array(24).fill(413));
    });

    test('a form sent in the browser over https reaches the thanks page', async () => {
      const page = await proxiedPage(browser);
      await page.goto(`${site.origin}/da/interest/`);
      await page.locator('input[name="name"]').fill('Fatima');
      await page.locator('input[name="phone"]').fill('20123456');
      await page.locator('input[name="contact"][value="call"]').check();
      await page.locator('input[name="time"][value="any"]').check();
      await page.locator('input[name="consent"]').check();
      await page.locator('form[action="/api/interest"] button[type="submit"]').click();
      await expect(page).toHaveURL(`${site.origin}/da/interest/thanks/`);
      await page.context().close();
    });

    test('a coordinator is invited, makes a passkey and signs in over https, and sees the form sent above', async () => {
      const page = await proxiedPage(browser);
      await addAuthenticator(page);
      await page.goto(inviteByCli(site, '--name', 'Maryam', '--coordinator'));
      await page.getByRole('button', { name: 'Opret adgangsnøgle' }).click();
      await expect(page).toHaveURL(`${site.origin}/inbox/me/?welcome`);
      // The session cookie over https: __Host-, Secure, HttpOnly, SameSite=Strict.
      const cookies = await page.context().cookies(site.origin);
      expect(cookies.map(({ name, secure, httpOnly, sameSite }) => ({ name, secure, httpOnly, sameSite }))).toEqual([
        { name: '__Host-inbox', secure: true, httpOnly: true, sameSite: 'Strict' },
      ]);
      // Signed out, then in again with the passkey alone.
      await page.goto(`${site.origin}/inbox/`);
      await page.getByRole('button', { name: 'Log ud' }).click();
      await expect(page.getByText('Du er logget ud.')).toBeVisible();
      await page.getByRole('button', { name: 'Log ind med adgangsnøgle' }).click();
      await expect(page).toHaveURL(`${site.origin}/inbox/`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Indbakke');
      await expect(page.locator('li', { hasText: 'Fatima' })).toContainText('+45 20 12 34 56');
      await page.context().close();
    });

    test('a post from http:// (or another port) to the https:// site is refused: the Origin check compares the scheme', async () => {
      const post = (pathname: string, origin: string, type = 'application/x-www-form-urlencoded') =>
        site.request(pathname, {
          method: 'POST',
          localAddress: '127.0.0.4',
          headers: { 'Content-Type': type, Origin: origin },
          body: 'a=b',
        });
      const insecure = site.origin.replace('https://', 'http://');
      const otherPort = `${site.origin.replace(/:\d+$/, '')}:1`;
      for (const origin of [insecure, otherPort]) {
        expect((await post('/inbox/action/', origin)).status, origin).toBe(403);
        expect((await post('/inbox/passkey/signin-options/', origin, 'application/json')).status, origin).toBe(403);
        expect((await post('/api/interest', origin)).status, origin).toBe(403);
      }
      // The site's own origin passes the check (and then needs a session).
      expect((await post('/inbox/action/', site.origin)).status).toBe(401);
    });

    test('the sign-in limit counts each real client, whatever X-Forwarded-For she sends', async () => {
      const ask = (client: string, forged?: string) =>
        site.request('/inbox/passkey/signin-options/', {
          method: 'POST',
          localAddress: client,
          headers: { 'Content-Type': 'application/json', Origin: site.origin, ...(forged ? { 'X-Forwarded-For': forged } : {}) },
          body: '{}',
        });
      // INBOX_RATE_LIMIT=6: a new claimed address each time does not give her a new bucket.
      const statuses = [];
      for (let i = 1; i <= 7; i++) statuses.push((await ask('127.0.0.5', `198.51.100.${i}`)).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 429]);
      // Another client behind the same proxy still signs in: before, one bucket held everyone.
      expect((await ask('127.0.0.6')).status).toBe(200);
      // And she cannot take that client's place by naming its address.
      expect((await ask('127.0.0.5', '127.0.0.6')).status).toBe(429);
    });

    test('the form limit counts each real client, whatever X-Forwarded-For she sends', async () => {
      const post = (client: string, forged?: string) =>
        site.request('/api/interest', {
          method: 'POST',
          localAddress: client,
          headers: {
            'Content-Type': 'application/x-www-form-urlencoded',
            Origin: site.origin,
            ...(forged ? { 'X-Forwarded-For': forged } : {}),
          },
          body: formBody(validFields()),
        });
      // One client claims another address each time: had the proxy passed her header on, each
      // claim would be a new client to the server and the limit (2) would never be reached.
      expect((await post('127.0.0.2', '203.0.113.1')).status).toBe(303);
      expect((await post('127.0.0.2', '203.0.113.2')).status).toBe(303);
      expect((await post('127.0.0.2', '203.0.113.3')).status).toBe(429);
      // Another client behind the same proxy has a limit of her own: the server counts the
      // address the proxy saw, not the proxy's.
      expect((await post('127.0.0.3')).status).toBe(303);
    });

    if (proxyName === 'caddy') {
      test('a restart of the server is waited for, not answered with 502', async () => {
        await site.stopServer();
        const during = site.request('/da/');
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        await site.startServer();
        expect((await during).status).toBe(200);
      });
    }
  });
}
