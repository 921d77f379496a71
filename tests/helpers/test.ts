/**
 * Playwright's `test` and `expect` for the browser tests, with one change: `page.goto` and
 * `page.reload` also wait until the page's scripts have run. The public pages add their scripts
 * after the first paint (src/browser/afterPaint.ts), which can be after the `load` event that
 * Playwright waits for; a test that used a script's feature at once would then race it.
 * For a page made another way (browser.newPage()), wrap it in waitForScriptsOnNavigation(page).
 */
import { test as base, type Page } from '@playwright/test';

export { expect, devices, type Page, type APIRequestContext } from '@playwright/test';

/**
 * Waits until the after-paint loader's scripts have all run (at once on a page without it), and
 * until nothing they fetch is still on its way (aria-busy: the flyer generator's fetched blocks).
 */
async function afterPaintReady(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      (!document.querySelector('script[data-src]') || document.documentElement.getAttribute('data-after-paint') === 'ready') &&
      !document.querySelector('[aria-busy="true"]'),
  );
}

/** Makes goto and reload on `page` wait for afterPaintReady. */
export function waitForScriptsOnNavigation(page: Page): Page {
  const waiting =
    <A extends unknown[]>(navigate: (...args: A) => ReturnType<Page['goto']>) =>
    async (...args: A) => {
      const response = await navigate(...args);
      if (response?.headers()['content-type']?.startsWith('text/html')) await afterPaintReady(page);
      return response;
    };
  page.goto = waiting(page.goto.bind(page));
  page.reload = waiting(page.reload.bind(page));
  return page;
}

export const test = base.extend({
  // With JavaScript off (test.use({ javaScriptEnabled: false })) there is nothing to wait for.
  page: async ({ page, javaScriptEnabled }, use) => {
    await use(javaScriptEnabled === false ? page : waitForScriptsOnNavigation(page));
  },
});
