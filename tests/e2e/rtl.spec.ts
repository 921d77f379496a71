import { expect, test } from '../helpers/test.ts';

for (const lang of ['ar', 'ur', 'fa']) {
  test(`${lang} pages are laid out right-to-left, checked by computed style`, async ({ page }) => {
    await page.goto(`/${lang}/`);
    expect(await page.evaluate(() => getComputedStyle(document.body).direction)).toBe('rtl');
    // The brand sits at the start (right) and the language switcher at the end (left).
    const brand = await page
      .locator('header a[href$="/' + lang + '/"]')
      .first()
      .boundingBox();
    const switcher = await page.locator('details.lang-switcher summary').boundingBox();
    expect(brand!.x).toBeGreaterThan(switcher!.x);
    // The font for the script is the one the registry names.
    const family = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
    expect(family).toMatch(lang === 'ar' ? /Naskh/ : lang === 'ur' ? /Nastaliq/ : /Vazirmatn/);
  });
}

test('Danish pages stay left-to-right', async ({ page }) => {
  await page.goto('/da/');
  expect(await page.evaluate(() => getComputedStyle(document.body).direction)).toBe('ltr');
});

test('arrows point the reading way: mirrored for right-to-left choices only', async ({ page }) => {
  await page.goto('/');
  const transform = (lang: string) =>
    page.locator(`a[lang="${lang}"] [data-icon="arrow"]`).evaluate((el) => {
      const style = getComputedStyle(el);
      // Tailwind 4 mirrors with the `scale` property; older CSS with `transform`.
      return `${style.scale} ${style.transform}`;
    });
  expect(await transform('ar')).toMatch(/^-1 1|matrix\(-1/);
  expect(await transform('da')).toBe('none none');
});
