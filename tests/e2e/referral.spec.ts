/**
 * Partner referrals: the consent slip (her language + Danish on one A4 sheet, in every script),
 * and the referral form (works without JavaScript, errors in the summary, what was typed kept).
 */
import { expect, test, type Page } from '../helpers/test.ts';
import { axeViolations } from '../helpers/axe.ts';
import { PDFDocument } from 'pdf-lib';
import { siteConfig } from '#site.config.ts';
import { uiText } from '../helpers/uiText.ts';

const mm = 72 / 25.4;

async function pdfPages(page: Page) {
  const pdf = await PDFDocument.load(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  return pdf.getPages().map((p) => p.getSize());
}

for (const lang of ['ar', 'ur', 'so', 'fa']) {
  test(`the ${lang} consent slip prints as one A4 sheet, her language beside Danish`, async ({ page }) => {
    await page.goto(`/${lang}/partners/consent-slip/`);
    await page.evaluate(() => document.fonts.ready);
    const columns = page.locator('.consent-column');
    await expect(columns).toHaveCount(2);
    await expect(columns.nth(0)).toHaveAttribute('lang', lang);
    await expect(columns.nth(1)).toHaveAttribute('lang', 'da');
    // What happens, who calls, free and voluntary, how to say no later: four headings, and the two yeses.
    await expect(columns.nth(0).locator('h3')).toHaveCount(5);
    await expect(columns.nth(0).locator('.consent-agree li')).toHaveCount(2);
    await page.emulateMedia({ media: 'print' });
    const pages = await pdfPages(page);
    expect(pages).toHaveLength(1);
    expect(Math.abs(pages[0]!.width - 210 * mm)).toBeLessThan(0.5 * mm);
    expect(Math.abs(pages[0]!.height - 297 * mm)).toBeLessThan(0.5 * mm);
    // Nothing on the sheet runs past the page's bottom margin.
    const overflow = await page.evaluate(() => {
      const slip = document.querySelector('.consent-slip')!;
      return slip.scrollHeight - slip.clientHeight;
    });
    expect(overflow).toBeLessThanOrEqual(0);
  });
}

test('the consent slip gives the project’s phone number and the retention period in her script', async ({ page }) => {
  await page.goto('/ar/partners/consent-slip/');
  const arabic = page.locator('.consent-column[lang="ar"]');
  await expect(arabic).toContainText(String(siteConfig.retentionDays));
  // Her number as the slip prints it: the national digits in pairs that never wrap.
  await expect(arabic).toContainText(siteConfig.phone.slice(3).replace(/(\d\d)(?=\d)/g, '$1\u00A0'));
  await expect(page.locator('.consent-column[lang="da"]')).toContainText('Hvis du siger nej senere');
});

test('the consent slip prints the demo notice in each of its languages, and the working days we call within', async ({ page }) => {
  test.skip(!siteConfig.demo, 'site.config.ts has demo: false');
  await page.goto('/so/partners/consent-slip/');
  await page.emulateMedia({ media: 'print' });
  const notice = page.locator('.consent-slip [data-demo-notice]');
  await expect(notice).toBeVisible();
  await expect(notice.locator('p[lang="so"]')).toHaveText(uiText('so', 'demo.flyer'));
  await expect(notice.locator('p[lang="da"]')).toHaveText(uiText('da', 'demo.flyer'));
  const days = String(siteConfig.callbackWithinWorkingDays);
  await expect(page.locator('.consent-column[lang="so"]')).toContainText(
    uiText('so', 'consentSlip.who.body').split('{{days}}')[1]!.slice(0, 20),
  );
  await expect(page.locator('.consent-column[lang="da"]')).toContainText(`inden for ${days} hverdage`);
});

test('the Danish consent slip is Danish only', async ({ page }) => {
  await page.goto('/da/partners/consent-slip/');
  await expect(page.locator('.consent-column')).toHaveCount(1);
});

for (const path of ['/ur/partners/consent-slip/', '/da/partners/refer/', '/en/partners/refer/']) {
  test(`${path} has no accessibility violations`, async ({ page }) => {
    await page.goto(path);
    expect(await axeViolations(page)).toEqual([]);
  });
}

test('the referral form exists in Danish and English only, and says so to search engines and the language menu', async ({ page }) => {
  await page.goto('/en/partners/refer/');
  const hreflangs = await page.locator('link[rel="alternate"][hreflang]').evaluateAll((ls) => ls.map((l) => l.getAttribute('hreflang')));
  expect(hreflangs.sort()).toEqual(['da', 'en', 'x-default']);
  await expect(page.locator('.lang-switcher a[hreflang="ar"]')).toHaveAttribute('href', '/ar/');
  await expect(page.locator('.lang-switcher a[hreflang="da"]')).toHaveAttribute('href', '/da/partners/refer/');
  expect((await page.request.get('/ar/partners/refer/')).status()).toBe(404);
});
