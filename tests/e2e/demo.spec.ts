/**
 * The demo switch (site.config.ts `demo`): with demo: true every page says, in its own language,
 * that it is an example site and whom to ask instead (checked on every page in every-page.spec.ts);
 * with demo: false (a fixture build) no page carries any trace of it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '../helpers/test.ts';
import { buildFixture } from '../helpers/buildFixture.ts';
import { langs } from '#src/i18n/locales.ts';
import { siteConfig } from '#site.config.ts';
import { uiText as t } from '../helpers/uiText.ts';

test.describe('with demo: true', () => {
  test.skip(!siteConfig.demo, 'site.config.ts has demo: false');

  // That every page says it, in its own language, is checked where every page is visited: every-page.spec.ts.
  test('each language has its notice text', () => {
    for (const lang of langs)
      for (const key of ['demo.title', 'demo.body', 'demo.flyer', 'demo.meeting']) expect(t(lang, key), `${lang} ${key}`).toBeTruthy();
  });

  test('every printable flyer says it in each of its languages', async ({ page }) => {
    await page.goto('/ar/flyer/print/');
    for (const lang of ['ar', 'da']) {
      await expect(page.locator(`.flyer [data-flyer-lang="${lang}"] [data-demo-notice]`).first()).toHaveText(t(lang, 'demo.flyer'));
    }
    await page.goto('/so/partners/letter/');
    for (const lang of ['so', 'da']) {
      await expect(page.locator(`[data-print-sheet] [data-demo-notice] [lang="${lang}"]`)).toHaveText(t(lang, 'demo.flyer'));
    }
  });

  test('demo meetings say they do not take place', async ({ page }) => {
    await page.goto('/tr/meetings/');
    const cards = page.locator('article:has([data-demo-meeting])');
    expect(await cards.count()).toBeGreaterThan(0);
    await expect(page.locator('[data-demo-meeting]').first()).toHaveText(t('tr', 'demo.meeting'));
  });

  test('the demo values cannot be mistaken for real ones', () => {
    expect(siteConfig.organisation).toContain('Eksempel');
    // Danish subscriber numbers never start with 0 (the numbering plan keeps 0x for prefixes).
    for (const n of [siteConfig.phone, siteConfig.sms, siteConfig.whatsapp]) expect(n).toMatch(/^\+450/);
    for (const file of fs.readdirSync('content/staff').filter((f) => f.endsWith('.yaml'))) {
      for (const [, n] of fs.readFileSync(path.join('content/staff', file), 'utf8').matchAll(/^(?:phone|whatsapp): "(\+\d+)"/gm)) {
        expect(n, file).toMatch(/^\+450/);
      }
    }
    expect(`${siteConfig.address.street} ${siteConfig.address.city}`).toMatch(/Eksempel/);
  });
});

test.describe('with demo: false', () => {
  test.describe.configure({ timeout: 600_000 });

  test('no page and no flyer keeps a trace of the demo', () => {
    const demoTexts = langs.flatMap((lang) => ['demo.title', 'demo.body', 'demo.flyer', 'demo.meeting'].map((k) => t(lang, k)));
    const traces: string[] = [];
    let htmlFiles = 0;
    const { status, output } = buildFixture(
      (dir) => {
        const config = path.join(dir, 'site.config.ts');
        fs.writeFileSync(config, fs.readFileSync(config, 'utf8').replace(/^ {2}demo: true,$/m, '  demo: false,'));
      },
      (dir) => {
        const client = path.join(dir, 'dist/client');
        for (const entry of fs.readdirSync(client, { recursive: true, withFileTypes: true })) {
          if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
          htmlFiles += 1;
          const html = fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
          const file = path.relative(client, path.join(entry.parentPath, entry.name));
          if (/data-demo-(notice|meeting)/.test(html)) traces.push(`${file}: data-demo attribute`);
          for (const text of demoTexts) if (html.includes(text)) traces.push(`${file}: "${text.slice(0, 40)}"`);
        }
      },
      { timeout: 540_000 },
    );
    expect(status, output.slice(-2000)).toBe(0);
    expect(htmlFiles).toBeGreaterThan(100);
    expect(traces).toEqual([]);
  });
});
