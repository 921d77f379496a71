/**
 * Offline reading (src/browser/serviceWorker.ts): after one visit with the network, the pages she
 * opened reload in her language when the network is gone, a page she never opened shows the offline
 * page in her language with our numbers, a form says it needs the network, and the phone's Cache
 * Storage holds no staff page, API answer or form, and one language's home page only.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext } from '@playwright/test';
import { expect, test, type Page } from '../helpers/test.ts';
import { axeViolations } from '../helpers/axe.ts';
import { uiText as t } from '../helpers/uiText.ts';
import { siteConfig } from '#site.config.ts';
import { smsHref, telHref, whatsappHref } from '#src/site/contactLinks.ts';
import { langs } from '#src/i18n/locales.ts';

/** Waits until the worker controls the page and has kept her language's offline page (the last thing it keeps). */
async function offlineReady(page: Page, lang: string): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await expect.poll(() => page.evaluate(async (path) => Boolean(await caches.match(path)), `/${lang}/offline/`)).toBe(true);
}

/** Every request kept in the page's Cache Storage, as method and path. */
function keptRequests(page: Page): Promise<{ method: string; path: string; search: string }[]> {
  return page.evaluate(async () => {
    const kept: { method: string; path: string; search: string }[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) {
        const url = new URL(request.url);
        kept.push({ method: request.method, path: url.pathname, search: url.search });
      }
    }
    return kept;
  });
}

/** True when the page's stylesheet applies: the header has the brand colour, not the browser's default. */
function styled(page: Page): Promise<boolean> {
  return page
    .locator('header')
    .first()
    .evaluate((e) => getComputedStyle(e).backgroundColor !== 'rgba(0, 0, 0, 0)');
}

/** Cuts the network; what shows now comes from the phone. */
async function goOffline(context: BrowserContext): Promise<void> {
  await context.setOffline(true);
}

test('the pages she opened reload in Somali without a network, looking as they did', async ({ page, context }) => {
  await page.goto('/so/');
  await offlineReady(page, 'so');
  await page.goto('/so/activities/');
  const heading = await page.locator('h1').innerText();
  await goOffline(context);

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'so');
  await expect(page.locator('h1')).toHaveText(heading);
  await expect(page.locator('[data-offline-note]')).toHaveCount(0);
  expect(await styled(page), 'the stylesheet came from the phone').toBe(true);

  await page.goto('/so/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'so');
  await expect(page.locator('[data-offline-note]')).toHaveCount(0);
  await expect(page.locator('main a[href="/so/activities/"]').first()).toBeVisible();
});

test('a kept page that is gone from the site is no longer kept', async ({ page, context }) => {
  await page.goto('/so/');
  await offlineReady(page, 'so');
  await page.goto('/so/activities/');
  const kept = () => page.evaluate(async () => Boolean(await caches.match('/so/activities/')));
  expect(await kept()).toBe(true);
  // The worker's own request for the page, answered as if the page had been removed in a new release.
  await context.route('**/so/activities/', (route) =>
    route.fulfill({ status: 404, contentType: 'text/html', body: '<title>Gone</title>' }),
  );
  await page.goto('/so/activities/');
  await expect.poll(kept).toBe(false);
});

/**
 * The site through a proxy on a port of its own (its own origin, so its own worker), which can
 * publish a next release of /sw.js: the same worker with another version.
 */
async function siteWithNextRelease(baseURL: string): Promise<{ origin: string; publish(version: string): void; close(): Promise<void> }> {
  const site = new URL(baseURL);
  let version: string | null = null;
  const server = http.createServer((req, res) => {
    const upstream = http.request(
      { host: site.hostname, port: site.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        if (version === null || req.url !== '/sw.js') {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
          return;
        }
        const body: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => body.push(chunk));
        answer.on('end', () => {
          const script = Buffer.concat(body)
            .toString()
            .replace(/"[0-9a-f]{12}"/, `"${version}"`);
          res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' }).end(script);
        });
      },
    );
    // The proxy rewrites the worker's text: it asks for all of it, uncompressed.
    if (req.url === '/sw.js') for (const name of ['accept-encoding', 'if-none-match', 'if-modified-since']) upstream.removeHeader(name);
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    publish: (next) => void (version = next),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

test('a new release takes over at once, keeps what she opened and deletes the old caches', async ({ page, context, baseURL }) => {
  const site = await siteWithNextRelease(baseURL!);
  try {
    await page.goto(`${site.origin}/so/`);
    await offlineReady(page, 'so');
    await page.goto(`${site.origin}/so/activities/`);
    const [first] = await page.evaluate(() => caches.keys());
    expect(first).toMatch(/^offline-(pages|files)-[0-9a-f]{12}$/);

    // A day later (the browser's copy of the worker has expired), the next release is out.
    await (await context.newCDPSession(page)).send('Network.clearBrowserCache');
    site.publish('0123456789ab');
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await expect
      .poll(() => page.evaluate(async () => (await caches.keys()).sort()))
      .toEqual(['offline-files-0123456789ab', 'offline-pages-0123456789ab']);
    expect((await keptRequests(page)).map((k) => k.path)).toEqual(expect.arrayContaining(['/so/', '/so/activities/', '/so/offline/']));

    await goOffline(context);
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'so');
    await expect(page.locator('[data-offline-note]')).toHaveCount(0);
    expect(await styled(page), 'the stylesheet came from the phone').toBe(true);
  } finally {
    await site.close();
  }
});

test('a Somali page she never opened shows the Somali offline page with our phone number', async ({ page, context }) => {
  await page.goto('/so/activities/');
  await offlineReady(page, 'so');
  await goOffline(context);

  await page.goto('/so/meetings/');
  expect(new URL(page.url()).pathname).toBe('/so/meetings/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'so');
  await expect(page.locator('h1')).toHaveText(t('so', 'offline.title'));
  await expect(page.locator('[data-offline-note="page"]')).toBeVisible();
  await expect(page.locator('[data-offline-note="form"]')).toBeHidden();
  const message = t('so', 'contact.message');
  await expect(page.locator(`a[href="${telHref(siteConfig.phone)}"]`)).toBeVisible();
  await expect(page.locator(`a[href="${smsHref(siteConfig.sms, message)}"]`)).toBeVisible();
  await expect(page.locator(`a[href="${whatsappHref(siteConfig.whatsapp, message)}"]`)).toBeVisible();
  // Her home page was kept after the first visit: the offline page's way back works.
  await page
    .locator('main')
    .getByRole('link', { name: t('so', 'offline.home') })
    .click();
  await expect(page).toHaveURL(/\/so\/$/);
  await expect(page.locator('[data-offline-note]')).toHaveCount(0);
});

test('the interest form offline says it needs the network, and never shows a kept form', async ({ page, context }) => {
  await page.goto('/so/');
  await offlineReady(page, 'so');
  await page.goto('/so/interest/');
  await expect(page.locator('input[name="token"]')).toHaveCount(1);
  await goOffline(context);

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'so');
  await expect(page.locator('[data-offline-note="form"]')).toHaveText(t('so', 'offline.form'));
  await expect(page.locator('[data-offline-note="page"]')).toBeHidden();
  await expect(page.locator('form, input[name="token"]')).toHaveCount(0);
  await expect(page.locator(`a[href="${telHref(siteConfig.phone)}"]`)).toBeVisible();
});

test('the phone keeps no staff page, API answer, form or POST, and one language’s home page only', async ({ page, context }) => {
  await page.goto('/so/');
  await offlineReady(page, 'so');
  await page.goto('/so/activities/');
  await page.goto('/so/interest/');
  await page.goto('/so/interest/?via=bib');
  await page.goto('/so/search/?q=caawimo');
  // Through the worker: a post to the API (refused: no token), the staff inbox (its sign-in page).
  const posted = await page.evaluate(async () => {
    const response = await fetch('/api/interest', { method: 'POST', body: new URLSearchParams({ lang: 'so' }), redirect: 'manual' });
    return response.type === 'opaqueredirect' || response.status >= 400;
  });
  expect(posted, 'the API refused the post').toBe(true);
  const inbox = await page.goto('/inbox/');
  expect(inbox?.status()).toBe(200);
  await page.goto('/so/');
  await offlineReady(page, 'so');

  const kept = await keptRequests(page);
  expect(kept.map((k) => k.path)).toEqual(expect.arrayContaining(['/so/', '/so/offline/', '/so/activities/', '/so/search/']));
  expect(kept.filter((k) => k.method !== 'GET')).toEqual([]);
  expect(kept.filter((k) => /^\/(inbox|api|admin|r)\/|\/interest\/|\/partners\/refer\//.test(k.path))).toEqual([]);
  // Kept by path: no search words or channel code on the phone.
  expect(kept.filter((k) => k.search !== '')).toEqual([]);
  const homes = kept.filter((k) => langs.some((l) => k.path === `/${l}/`));
  expect(homes.map((k) => k.path)).toEqual(['/so/']);
  const offlinePages = kept.filter((k) => /^\/[a-z]+\/offline\/$/.test(k.path));
  expect(offlinePages.map((k) => k.path)).toEqual(['/so/offline/']);

  // Offline, the inbox is the browser's own error, never a kept copy.
  await goOffline(context);
  await expect(page.goto('/inbox/')).rejects.toThrow();
});

test('the Arabic offline page reads right to left and passes axe', async ({ page, context }) => {
  await page.goto('/ar/');
  await offlineReady(page, 'ar');
  await goOffline(context);

  await page.goto('/ar/meetings/');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.locator('h1')).toHaveText(t('ar', 'offline.title'));
  await expect(page.locator('[data-offline-note="page"]')).toHaveText(t('ar', 'offline.page'));
  // The Arabic font she downloaded on her first visit came from the phone.
  const fonts = await page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replace(/"/g, ''));
  });
  expect(fonts).toContain('Noto Naskh Arabic');
  expect(await axeViolations(page)).toEqual([]);
});

test('the worker is one script from our own origin at the root, allowed by the CSP, kept by the browser for a day', async ({
  page,
  request,
  baseURL,
}) => {
  const res = await request.get('/sw.js');
  expect(res.headers()['content-type']).toMatch(/javascript/);
  expect(res.headers()['cache-control']).toBe('max-age=86400');
  expect(res.headers()['service-worker-allowed']).toBeUndefined();
  const csp: string[] = [];
  page.on('console', (m) => /Content Security Policy/i.test(m.text()) && csp.push(m.text()));
  await page.goto('/da/');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  // It looks after every page of the site, not only those under a folder.
  expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).scope)).toBe(new URL('/', baseURL).href);
  expect(csp).toEqual([]);
});

test('the offline page is not for search engines, the sitemap or the site search', async ({ request }) => {
  const html = await (await request.get('/da/offline/')).text();
  expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
  expect(html).not.toContain('data-pagefind-body');
  const sitemap = await (await request.get('/sitemap-0.xml')).text();
  expect(sitemap).toContain('/da/');
  expect(sitemap).not.toContain('/offline/');
});
