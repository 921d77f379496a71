/**
 * Voice clips on the built site: the Listen player in her language, nothing downloaded before the
 * tap, playing after it; the phone-voice button only with a voice in the page's language; axe.
 */
import { expect, test, type Page } from '../helpers/test.ts';
import { axeViolations } from '../helpers/axe.ts';

/** Requests for clip files while `during` runs. */
async function clipRequests(page: Page, during: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const listener = (req: { url(): string }) => {
    if (new URL(req.url()).pathname.startsWith('/voice/')) seen.push(req.url());
  };
  page.on('request', listener);
  await during();
  page.off('request', listener);
  return seen;
}

test('the Listen player has the page language, preload="none" and a source type Chromium plays', async ({ page }) => {
  await page.goto('/ar/');
  const audio = page.locator('[data-voice-player] audio');
  await expect(audio).toHaveAttribute('lang', 'ar');
  await expect(audio).toHaveAttribute('dir', 'rtl');
  await expect(audio).toHaveAttribute('preload', 'none');
  const types = await audio.locator('source').evaluateAll((sources) => sources.map((s) => s.getAttribute('type')!));
  expect(types.length).toBeGreaterThan(0);
  const playable = await page.evaluate((ts) => ts.map((t) => document.createElement('audio').canPlayType(t)), types);
  expect(playable[0], `Chromium plays ${types[0]}`).not.toBe('');
  await expect(page.getByRole('button', { name: 'استمعي' })).toBeVisible();
  await expect(page.locator('[data-voice-synthetic]')).toHaveText('هذا صوت حاسوب، وليس صوت إنسان.');
});

test('nothing of the clip is downloaded before the tap, and after the tap it plays', async ({ page }) => {
  const before = await clipRequests(page, async () => {
    await page.goto('/ur/activities/mentor/');
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
  });
  expect(before, 'audio requested before the tap').toEqual([]);

  const button = page.getByRole('button', { name: 'سنیے' });
  await expect(page.locator('[data-voice-player] audio')).toBeHidden();
  const after = await clipRequests(page, async () => {
    await button.click();
    await expect
      .poll(() => page.locator('[data-voice-player] audio').evaluate((a: HTMLAudioElement) => a.currentTime), { timeout: 15_000 })
      .toBeGreaterThan(0.3);
  });
  expect(after.length).toBeGreaterThan(0);
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  // From her tap on, the player shows its time and seek bar too.
  await expect(page.locator('[data-voice-player] audio')).toBeVisible();
  await button.click();
  await expect(button).toHaveAttribute('aria-pressed', 'false');
});

test("the voice code comes in the site's one script: self-contained, added after the first paint, small", async ({ page }) => {
  await page.goto('/ar/');
  // In the HTML there is no script to fetch, only the loader that the CSP allows by its hash.
  expect(await (await page.request.get('/ar/')).text()).not.toMatch(/<script[^>]* src=/);
  const loader = page.locator('script[data-src]');
  await expect(loader).toHaveCount(1);
  const srcs = (await loader.getAttribute('data-src'))!.split(' ');
  expect(srcs).toHaveLength(1);
  // The browser's own record: when the first paint was shown, and when the script was fetched.
  const { firstPaint, scriptStart } = await page.evaluate((src) => {
    const script = performance.getEntriesByType('resource').find((e) => e.name.endsWith(src));
    return { firstPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime, scriptStart: script?.startTime };
  }, srcs[0]!);
  expect(firstPaint, 'the page was painted').toBeDefined();
  expect(scriptStart, 'the site script was fetched').toBeDefined();
  expect(scriptStart!, 'the script is fetched only after the first paint').toBeGreaterThanOrEqual(firstPaint!);
  const code = await (await page.request.get(srcs[0]!)).text();
  expect(code).not.toMatch(/\bimport\b/);
  expect(code).toContain('data-voice-toggle');
  expect(code.length).toBeLessThan(8000);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the native player works alone, and the button that needs JavaScript is hidden', async ({ page }) => {
    await page.goto('/fa/activities/mentor/');
    await expect(page.locator('[data-voice-player] audio')).toBeVisible();
    await expect(page.locator('[data-voice-toggle]')).toBeHidden();
    await expect(page.locator('[data-voice-player] audio')).toHaveAttribute('aria-label', 'گوش کنید');
  });
});

test('a page with a voice player does not move while it loads (no layout shift)', async ({ page }) => {
  for (const path of ['/da/', '/fa/', '/ur/activities/mentor/']) {
    await page.goto(path);
    await expect(page.locator('[data-voice-player]').first()).toBeVisible();
    // calendarClock.ts and voice.ts run after the first paint: give them a moment, then read every shift.
    await page.waitForTimeout(300);
    const shift = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let sum = 0;
          const observer = new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) sum += (entry as PerformanceEntry & { value: number }).value;
          });
          observer.observe({ type: 'layout-shift', buffered: true });
          setTimeout(() => resolve(sum), 200);
        }),
    );
    expect(shift, path).toBe(0);
  }
});

test('there is no player where the language has no clip (Somali: no synthetic voice)', async ({ page }) => {
  await page.goto('/so/');
  await expect(page.locator('[data-voice-player]')).toHaveCount(0);
});

test('a venue and a staff member have their own clip, named for a screen reader', async ({ page }) => {
  await page.goto('/tr/meetings/2027-01-14-beboerhuset-greve-nord/');
  await expect(page.getByRole('button', { name: 'Dinle: bizi nasıl bulursunuz' })).toBeVisible();
  await page.goto('/en/staff/');
  await expect(page.getByRole('button', { name: 'Listen to Maryam' })).toBeVisible();
});

/** Makes speechSynthesis report exactly these voices (headless Chromium has none of its own). */
async function stubVoices(page: Page, voices: { lang: string; name: string }[]) {
  await page.addInitScript((list) => {
    const fake = list.map((v) => ({ ...v, default: false, localService: true, voiceURI: v.name }));
    Object.defineProperty(window.speechSynthesis, 'getVoices', { value: () => fake });
  }, voices);
}

test('the phone-voice button shows when the phone has a voice in the page language', async ({ page }) => {
  await stubVoices(page, [
    { lang: 'en-US', name: 'English' },
    { lang: 'so-SO', name: 'Soomaali' },
  ]);
  await page.goto('/so/');
  await expect(page.getByRole('button', { name: 'Kor u akhri (codka taleefanka)' })).toBeVisible();
});

test('the phone-voice button stays away when no voice speaks the page language', async ({ page }) => {
  await stubVoices(page, [
    { lang: 'en-US', name: 'English' },
    { lang: 'ar-EG', name: 'Arabic' },
  ]);
  await page.goto('/so/');
  await page.waitForTimeout(300);
  await expect(page.locator('[data-phone-voice]')).toBeHidden();
  // A page with a recording offers the recording, never the phone voice.
  await page.goto('/ar/');
  await expect(page.locator('[data-phone-voice]')).toHaveCount(0);
});

for (const path of ['/ar/', '/ur/activities/mentor/', '/so/', '/ar/about/', '/ur/about/', '/so/activities/mentor/']) {
  test(`${path} passes axe with its voice controls`, async ({ page }) => {
    // Home pages are long: axe needs more than the default 30 s on a busy machine.
    test.setTimeout(60_000);
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    expect(await axeViolations(page)).toEqual([]);
  });
}
