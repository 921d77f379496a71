/**
 * Programme content, staff and contact in every language: every page exists or falls back,
 * contact links carry her message, photos stay under the budget on a 360 px phone, and the
 * translation status page is for staff only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '../helpers/test.ts';
import { langs } from '#src/i18n/locales.ts';
import { siteConfig } from '#site.config.ts';
import { readContentFiles, routeOf } from '#src/i18n/translationStatus.ts';
import { buildFixture } from '../helpers/buildFixture.ts';
import { uiText as t } from '../helpers/uiText.ts';
import { storedItemsInUse } from '#src/store/storedFields.ts';

const files = readContentFiles(path.resolve('content'));
const sources = files.filter((f) => f.lang === 'da');
const imageBudget = 60 * 1024;

test.describe('every content page in every language', () => {
  for (const lang of langs) {
    test(`${lang}: each page is there, in ${lang} or in Danish with a notice`, async ({ page }) => {
      for (const source of sources) {
        const url = `/${lang}/${routeOf(source.collection, source.slug)}`;
        const response = await page.goto(url);
        expect(response?.status(), url).toBe(200);
        const translated = files.some((f) => f.lang === lang && f.collection === source.collection && f.slug === source.slug);
        const fallbackBlock = page.locator('[data-fallback-content]');
        if (translated) {
          await expect(fallbackBlock, `${url} should be in ${lang}`).toHaveCount(0);
        } else {
          await expect(page.locator('.fallback-notice'), url).toHaveText(t(lang, 'fallback.notice'));
          await expect(fallbackBlock, url).toHaveAttribute('lang', 'da');
          await expect(fallbackBlock, url).toHaveAttribute('dir', 'ltr');
        }
      }
      for (const list of ['activities/', 'stories/', 'staff/']) {
        expect((await page.goto(`/${lang}/${list}`))?.status(), `/${lang}/${list}`).toBe(200);
      }
    });
  }

  test('the home page shows the five offers with icons, the staff and the next-meeting slot', async ({ page }) => {
    await page.goto('/so/');
    await expect(page.locator('[data-activity]')).toHaveCount(5);
    await expect(page.locator('[data-activity] [data-activity-icon]')).toHaveCount(5);
    await expect(page.locator('[data-staff] img')).toHaveCount(fs.readdirSync('content/staff').filter((f) => f.endsWith('.yaml')).length);
    await expect(page.locator('[data-next-meeting]')).toHaveCount(1);
  });

  test('an example story says in her language that it is an example', async ({ page }) => {
    await page.goto('/ar/stories/samira/');
    await expect(page.locator('[data-example-story]')).toHaveText(t('ar', 'stories.example'));
  });
});

test.describe('what the catalogue asks for', () => {
  test('in every language, home links to the family page, and the options page is dated and links the official page', async ({ page }) => {
    for (const lang of langs) {
      await page.goto(`/${lang}/`);
      await expect(page.locator(`[data-home-family] a[href="/${lang}/family/"]`)).toHaveText(t(lang, 'home.family.link'));
      await page.goto(`/${lang}/options/`);
      await expect(page.locator('[data-checked]')).toContainText(t(lang, 'page.checked').replace(' {{date}}', '').replace('{{date}}', ''));
      await expect(page.locator(`main a[href="${siteConfig.jobCentre.url}"]`)).toHaveCount(1);
      await expect(page.locator('main iframe, main embed, main object')).toHaveCount(0);
    }
  });

  test('stories say they are examples and introduce role models; partners meet role models too', async ({ page }) => {
    await page.goto('/ur/stories/');
    await expect(page.locator('[data-stories-examples]')).toHaveText(t('ur', 'stories.examples'));
    await expect(page.locator('[data-role-models] h2')).toHaveText(t('ur', 'roleModels.title'));
    await expect(page.locator('[data-role-models] dt')).toHaveCount(3);
    await page.goto('/en/partners/');
    await expect(page.locator('[data-role-models] h2')).toHaveText(t('en', 'roleModels.title'));
  });

  test('with home visits switched on, the about page explains them and the form offers a visit', async ({ page }) => {
    test.skip(!siteConfig.homeVisits, 'site.config.ts has homeVisits: false');
    await page.goto('/fa/about/');
    await expect(page.locator('[data-home-visits] h2')).toHaveText(t('fa', 'about.homeVisits.title'));
    await page.goto('/fa/interest/');
    await expect(page.locator('input[name="contact"][value="visit"]')).toHaveCount(1);
    await expect(page.getByText(t('fa', 'interest.contact.visit'))).toBeVisible();
  });

  test('in every language, the family page says per meeting, event and group who may come and if there is childcare, from data', async ({
    page,
  }) => {
    const folders: Record<string, string> = { meeting: 'meetings', event: 'events', session: 'sessions' };
    const flag = (yaml: string, name: string) => new RegExp(`^${name}: true$`, 'm').test(yaml);
    for (const lang of langs) {
      await page.goto(`/${lang}/family/`);
      await expect(page.locator('main h2', { hasText: t(lang, 'meetings.childcare') })).toHaveCount(0);
      const rows = page.locator('[data-who-can-come] li[data-row]');
      expect(await rows.count(), lang).toBeGreaterThan(0);
      for (const row of await rows.all()) {
        const [kind, id] = (await row.getAttribute('data-row'))!.split(':');
        const yaml = fs.readFileSync(`content/${folders[kind!]}/${id}.yaml`, 'utf8');
        const childcare = row.locator('[data-childcare]');
        await expect(childcare).toHaveAttribute('data-childcare', String(flag(yaml, 'childcare')));
        await expect(childcare).toHaveText(flag(yaml, 'childcare') ? t(lang, 'meetings.childcare') : t(lang, 'family.noChildcare'));
        const women = row.locator('[data-women-only]');
        await expect(women).toHaveText(flag(yaml, 'womenOnly') ? t(lang, 'meetings.womenOnly') : t(lang, 'meetings.families'));
      }
    }
  });

  test('in every language, the privacy page names everything the store keeps about her', async ({ page }) => {
    const items = storedItemsInUse();
    for (const lang of langs) {
      await page.goto(`/${lang}/privacy/`);
      await expect(page.locator('[data-stored-fields] li')).toHaveText(items.map((item) => t(lang, `privacy.stored.${item}`)));
    }
  });

  test('with no meeting coming, she reads the opening hours in her language', async ({ page }) => {
    await page.clock.setFixedTime(new Date('2030-01-01T12:00:00Z'));
    await page.goto('/so/');
    const empty = page.locator('[data-next-meeting] [data-meeting-empty]');
    await expect(empty).toBeVisible();
    await expect(empty).toContainText(siteConfig.openingHours.so ?? siteConfig.openingHours.da, { useInnerText: true });
  });
});

test.describe('contact', () => {
  for (const lang of langs) {
    test(`${lang}: call, SMS and WhatsApp links carry her message, encoded`, async ({ page }) => {
      await page.goto(`/${lang}/`);
      const buttons = page.locator('[data-contact-buttons]').first();
      await expect(buttons.locator('a[data-channel="call"]')).toHaveAttribute('href', `tel:${siteConfig.phone}`);
      const sms = (await buttons.locator('a[data-channel="sms"]').getAttribute('href'))!;
      expect(sms).toMatch(/^sms:\+\d+\?body=\S+$/);
      expect(decodeURIComponent(sms.split('?body=')[1]!)).toBe(t(lang, 'contact.message'));
      const wa = new URL((await buttons.locator('a[data-channel="whatsapp"]').getAttribute('href'))!);
      expect(wa.host).toBe('wa.me');
      expect(wa.searchParams.get('text')).toBe(t(lang, 'contact.message'));
      // The map is a link, never an embed.
      await expect(page.locator('a[data-map-link]')).toHaveAttribute('href', siteConfig.mapUrl);
      await expect(page.locator('iframe')).toHaveCount(0);
    });
  }

  test('beside the buttons it says which languages we speak, in her language', async ({ page }) => {
    await page.goto('/en/');
    await expect(page.locator('[data-contact-buttons] [data-speaks]').first()).toContainText(/We speak .*Somali.*Arabic.*Danish/);
  });
});

test.describe('tell a friend', () => {
  test('without the Web Share API it offers WhatsApp and SMS with a link to her language', async ({ page }) => {
    await page.goto('/tr/');
    const wa = new URL((await page.locator('[data-share-channel="whatsapp"]').getAttribute('href'))!);
    expect(wa.searchParams.get('text')).toBe(`${t('tr', 'share.message')} ${new URL('/tr/', siteConfig.siteUrl).href}`);
    await expect(page.locator('[data-share-native]')).toBeHidden();
  });

  test('with the Web Share API one button opens the share sheet with her message', async ({ page }) => {
    await page.addInitScript(() => {
      (window as unknown as { shared: ShareData[] }).shared = [];
      Object.defineProperty(navigator, 'share', {
        value: async (d: ShareData) => (window as unknown as { shared: ShareData[] }).shared.push(d),
      });
    });
    await page.goto('/ar/');
    await expect(page.locator('[data-share-fallback]')).toBeHidden();
    await page.locator('[data-share-native]').click();
    const shared = await page.evaluate(() => (window as unknown as { shared: ShareData[] }).shared);
    expect(shared).toEqual([{ title: siteConfig.name, text: t('ar', 'share.message'), url: new URL('/ar/', siteConfig.siteUrl).href }]);
  });
});

test.describe('photos on a 360 px phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 3 });
  for (const route of ['/da/', '/ar/staff/', '/ur/', '/so/staff/']) {
    test(`${route} sends no image over 60 kB, even at 3× pixel density`, async ({ page }) => {
      const images: { url: string; bytes: number }[] = [];
      page.on('response', async (response) => {
        if (response.request().resourceType() !== 'image') return;
        images.push({ url: response.url(), bytes: (await response.body()).length });
      });
      await page.goto(route);
      // Scroll through the page so lazy images load too.
      await page.evaluate(async () => {
        for (let y = 0; y < document.body.scrollHeight; y += 400) {
          window.scrollTo(0, y);
          await new Promise((r) => setTimeout(r, 50));
        }
      });
      await page.waitForLoadState('networkidle');
      const photos = await page.locator('[data-staff] img').count();
      expect(images.filter((i) => /\.(avif|webp)$/.test(new URL(i.url).pathname)).length).toBeGreaterThanOrEqual(photos);
      expect(images.filter((i) => i.bytes > imageBudget)).toEqual([]);
    });
  }

  test('every staff photo has alt text in the page language', async ({ page }) => {
    await page.goto('/fa/staff/');
    const alts = await page
      .locator('[data-staff] img')
      .evaluateAll((imgs) => imgs.map((i) => ({ alt: i.getAttribute('alt'), lang: i.getAttribute('lang') })));
    expect(alts.length).toBeGreaterThan(0);
    for (const a of alts) {
      expect(a.alt).toBeTruthy();
      expect(a.lang).toBe('fa');
    }
  });
});

test.describe('translation status page (staff only)', () => {
  test('shows every page × language, and is noindex, unlisted and out of the sitemap', async ({ page, request }) => {
    await page.goto('/translation-status/');
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
    await expect(page.locator('tbody tr')).toHaveCount(sources.length);
    await expect(page.locator('td[data-state]')).toHaveCount(sources.length * langs.length);
    await expect(page.locator('tr[data-row="pages/partners"] td[data-lang="so"]')).toHaveAttribute('data-state', 'missing');
    await expect(page.locator('td[data-state="reviewed"]')).toHaveCount(0);
    await expect(page.locator('[data-pagefind-body]')).toHaveCount(0);

    const sitemap = await (await request.get('/sitemap-0.xml')).text();
    expect(sitemap).not.toContain('translation-status');
    await page.goto('/da/');
    await expect(page.locator('a[href*="translation-status"]')).toHaveCount(0);
  });
});

test.describe('bad staff content fails the build', () => {
  test.describe.configure({ timeout: 180_000 });
  test('a staff photo without alt text in a language she has a role in names the file and the field', () => {
    const { status, output } = buildFixture((dir) => {
      const file = path.join(dir, 'content/staff/amina.yaml');
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^ {2}ar: رسم.*\n/m, ''));
    });
    expect(status).not.toBe(0);
    expect(output).toContain('amina');
    expect(output).toMatch(/alt\.ar/);
    expect(output).toContain('the photo has no alt text in "ar"');
  });
});
