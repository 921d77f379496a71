import { expect, test } from '../helpers/test.ts';
import { langs, locales } from '#src/i18n/locales.ts';

test('switching language keeps the page', async ({ page }) => {
  await page.goto('/da/about/');
  await page.locator('details.lang-switcher summary').click();
  await page.locator('details.lang-switcher a[hreflang="ar"]').click();
  await expect(page).toHaveURL(/\/ar\/about\/$/);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
});

test('every switcher link points at the same page and carries lang and hreflang', async ({ page }) => {
  for (const path of ['', 'about/', 'search/']) {
    await page.goto(`/ur/${path}`);
    const links = await page
      .locator('details.lang-switcher a')
      .evaluateAll((as) =>
        as.map((a) => ({ href: a.getAttribute('href'), lang: a.getAttribute('lang'), hreflang: a.getAttribute('hreflang') })),
      );
    expect(links).toEqual(langs.map((l) => ({ href: `/${l}/${path}`, lang: l, hreflang: l })));
  }
});

test('the language chooser offers every language in its own script, thumb-sized at 320 px', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto('/');
  for (const l of locales) {
    const link = page.locator(`main a[hreflang="${l.code}"]`);
    await expect(link).toContainText(l.endonym);
    await expect(link).toHaveAttribute('lang', l.code);
    const box = await link.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(48);
    expect(box!.width).toBeLessThanOrEqual(320);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
});
