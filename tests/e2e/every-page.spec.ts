/**
 * Every built page in every language: axe (WCAG 2.2 AA) finds 0 violations, nothing is
 * requested from another origin, the CSP blocks nothing, lang/dir/hreflang are right, and it
 * works at 320 px wide with 200 % text.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { builtPages } from '../../scripts/lib/builtPages.ts';
import { getLocale, isLang, langs } from '#src/i18n/locales.ts';

for (const pagePath of builtPages()) {
  test(`${pagePath} is accessible and stays on our own origin`, async ({ page, baseURL }) => {
    const foreign: string[] = [];
    const cspErrors: string[] = [];
    page.on('request', (req) => {
      const url = new URL(req.url());
      if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== new URL(baseURL!).origin) foreign.push(req.url());
    });
    page.on('console', (msg) => {
      if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) cspErrors.push(msg.text());
    });
    await page.goto(pagePath);
    await page.waitForLoadState('networkidle');

    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
      .analyze();
    const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(summary, `axe violations on ${pagePath}`).toEqual([]);
    expect(foreign, 'requests to another origin').toEqual([]);
    expect(cspErrors, 'CSP violations').toEqual([]);

    const lang = pagePath.split('/')[1];
    if (isLang(lang)) {
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.locator('html')).toHaveAttribute('dir', getLocale(lang).dir);
      const hreflangs = await page
        .locator('link[rel="alternate"][hreflang]')
        .evaluateAll((ls) => ls.map((l) => l.getAttribute('hreflang')));
      expect(hreflangs.sort()).toEqual([...langs, 'x-default'].sort());
      await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', new RegExp(`/${lang}/`));
    }

    // 320 px wide with the browser's text size at 200 %: nothing may need sideways scrolling.
    await page.setViewportSize({ width: 320, height: 640 });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
    await page.reload();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, 'sideways scrolling at 320 px and 200 % text').toBeLessThanOrEqual(0);
  });
}
