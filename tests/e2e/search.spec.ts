import { expect, test } from '../helpers/test.ts';

test('search finds a Danish page by a Danish word, and only Danish pages', async ({ page }) => {
  await page.goto('/da/search/');
  await page.getByRole('searchbox').fill('cykle');
  await page.getByRole('button', { name: 'Søg' }).click();
  const results = page.locator('.search-results a');
  await expect(results.first()).toBeVisible();
  const hrefs = await results.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(hrefs).toContain('/da/');
  expect(hrefs.every((h) => h!.startsWith('/da/'))).toBe(true);
  await expect(page.locator('.search-status')).toContainText('cykle');
});

test('search finds an Arabic page by an Arabic word, with the UI in Arabic', async ({ page }) => {
  await page.goto('/ar/search/?q=' + encodeURIComponent('الدراجة'));
  const results = page.locator('.search-results a');
  await expect(results.first()).toBeVisible();
  const hrefs = await results.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(hrefs).toContain('/ar/');
  expect(hrefs.every((h) => h!.startsWith('/ar/'))).toBe(true);
  await expect(page.getByRole('button', { name: 'ابحثي' })).toBeVisible();
});

test('a search with no hits says so in her language', async ({ page }) => {
  await page.goto('/tr/search/?q=zzqxv');
  await expect(page.locator('.search-status')).toContainText('eşleşen sayfa yok');
});
