/**
 * Every built page in every language: axe (WCAG 2.2 AA) finds 0 violations, nothing is
 * requested from another origin, the CSP blocks nothing, lang/dir/hreflang are right, a demo
 * site says it is one in the page's language, and it works at 320 px wide with 200 % text.
 */
import { devices, expect, test as base, waitForScriptsOnNavigation, type Page } from '../helpers/test.ts';
import { builtPages } from '../../scripts/lib/builtPages.ts';
import { axeViolations } from '../helpers/axe.ts';
import { getLocale, isLang, langs } from '#src/i18n/locales.ts';
import { siteConfig } from '#site.config.ts';
import { referralLangs } from '#src/referral/referralFields.ts';
import { uiText as t } from '../helpers/uiText.ts';

/**
 * One browser page per worker for all its pages, reset before each (360 px, normal text): a new
 * context per page cost about 0.3 s, and axe runs about twice as fast in a page that has run it
 * before. Each test still loads its page afresh and listens only to its own requests.
 */
const test = base.extend<{ sitePage: Page }, { workerPage: Page }>({
  workerPage: [
    async ({ browser }, use) => {
      const context = await browser.newContext({ ...devices['Desktop Chrome'], viewport: { width: 360, height: 800 } });
      await use(waitForScriptsOnNavigation(await context.newPage()));
      await context.close();
    },
    { scope: 'worker' },
  ],
  sitePage: async ({ workerPage }, use) => {
    await workerPage.setViewportSize({ width: 360, height: 800 });
    const cdp = await workerPage.context().newCDPSession(workerPage);
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 16, fixed: 13 } });
    await use(workerPage);
    await cdp.detach();
    workerPage.removeAllListeners('request');
    workerPage.removeAllListeners('console');
  },
});

/** The languages a page exists in: the partner referral is Danish and English only. */
const pageLangs = (pagePath: string): readonly string[] => (pagePath.includes('/partners/refer/') ? referralLangs : langs);

test('the accessibility check fails on a page with a violation', async ({ page }) => {
  await page.setContent('<!doctype html><html lang="da"><title>x</title><main><img src="data:,"><a href="/"></a></main></html>');
  const found = await axeViolations(page);
  expect(found.map((line) => line.split(':')[0])).toEqual(expect.arrayContaining(['image-alt', 'link-name']));
});

for (const pagePath of builtPages()) {
  test(`${pagePath} is accessible and stays on our own origin`, async ({ sitePage: page, baseURL }) => {
    const foreign: string[] = [];
    const cspErrors: string[] = [];
    page.on('request', (req) => {
      const url = new URL(req.url());
      if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== new URL(baseURL!).origin) foreign.push(req.url());
    });
    page.on('console', (msg) => {
      if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) cspErrors.push(msg.text());
    });
    // 'load': the page, its styles, scripts, fonts and images in view are all in (nothing is
    // fetched later without a tap: the voice clip waits for one, search for a query).
    await page.goto(new URL(pagePath, baseURL).href, { waitUntil: 'load' });

    expect(await axeViolations(page), `axe violations on ${pagePath}`).toEqual([]);
    expect(foreign, 'requests to another origin').toEqual([]);
    expect(cspErrors, 'CSP violations').toEqual([]);

    const lang = pagePath.split('/')[1];
    if (siteConfig.demo) {
      // An example site says so on every page, in the page's language (Danish outside /<lang>/).
      const noticeLang = isLang(lang) ? lang : 'da';
      const notice = page.locator(`[data-demo-notice][lang="${noticeLang}"]`).first();
      await expect(notice).toContainText(t(noticeLang, 'demo.title'));
      await expect(notice).toContainText(t(noticeLang, 'demo.body'));
    }
    if (isLang(lang)) {
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.locator('html')).toHaveAttribute('dir', getLocale(lang).dir);
      const hreflangs = await page
        .locator('link[rel="alternate"][hreflang]')
        .evaluateAll((ls) => ls.map((l) => l.getAttribute('hreflang')));
      expect(hreflangs.sort()).toEqual([...pageLangs(pagePath), 'x-default'].sort());
      await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', new RegExp(`/${lang}/`));
    }

    // 320 px wide with the browser's text size at 200 %: nothing may need sideways scrolling.
    // Chromium applies the new text size to the open page at once (no reload needed).
    await page.setViewportSize({ width: 320, height: 640 });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('32px');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, 'sideways scrolling at 320 px and 200 % text').toBeLessThanOrEqual(0);
  });
}
