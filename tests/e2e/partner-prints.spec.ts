/**
 * The partner prints: the letter that invites her to an information meeting (her language beside
 * Danish) and the partner info sheet (Danish, English), each exactly one A4 page as a PDF.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '../helpers/test.ts';
import { getLocale, langs } from '#src/i18n/locales.ts';

/** pdfinfo's "Pages" and "Page size" lines, read as numbers. */
function pdfInfo(file: string): { pages: number; widthMm: number; heightMm: number } {
  const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout;
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  const [, w, h] = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info) ?? [];
  const mm = (pts?: string) => (Number(pts) * 25.4) / 72;
  return { pages, widthMm: mm(w), heightMm: mm(h) };
}

test('npm run flyers prints the letter and the partner sheet as exactly one A4 page each', async () => {
  test.setTimeout(240_000);
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'partner-prints-'));
  try {
    const run = spawnSync(process.execPath, ['scripts/flyers.ts', '--lang=da', '--lang=en', '--lang=ur', `--out=${out}`], {
      encoding: 'utf8',
      timeout: 220_000,
    });
    expect(run.status, run.stderr).toBe(0);
    for (const name of [
      'letter-da-a4.pdf',
      'letter-ur-da-a4.pdf',
      'letter-en-da-a4.pdf',
      'partner-sheet-da-a4.pdf',
      'partner-sheet-en-a4.pdf',
    ]) {
      const { pages, widthMm, heightMm } = pdfInfo(path.join(out, name));
      expect(pages, name).toBe(1);
      expect(Math.abs(widthMm - 210), name).toBeLessThan(1);
      expect(Math.abs(heightMm - 297), name).toBeLessThan(1);
    }
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});

test('every letter fits its page in print, her language beside Danish, each with its own lang and dir', async ({ page }) => {
  await page.emulateMedia({ media: 'print' });
  for (const lang of langs) {
    await page.goto(`/${lang}/partners/letter/`);
    const blocks = page.locator('[data-print-sheet] .print-lang');
    const expected = lang === 'da' ? ['da'] : [lang, 'da'];
    await expect(blocks).toHaveCount(expected.length);
    for (const [i, code] of expected.entries()) {
      await expect(blocks.nth(i)).toHaveAttribute('lang', code);
      await expect(blocks.nth(i)).toHaveAttribute('dir', getLocale(code as (typeof langs)[number]).dir);
    }
    const clipped = await page.locator('[data-print-sheet]').evaluate((s) => s.scrollHeight - s.clientHeight);
    expect(clipped, `/${lang}/partners/letter/ does not fit on one page`).toBeLessThanOrEqual(1);
  }
  for (const lang of ['da', 'en']) {
    await page.goto(`/${lang}/partners/sheet/`);
    const clipped = await page.locator('[data-print-sheet]').evaluate((s) => s.scrollHeight - s.clientHeight);
    expect(clipped, `/${lang}/partners/sheet/ does not fit on one page`).toBeLessThanOrEqual(1);
  }
});

test('the partners page links the letter, the sheet and the family flyer', async ({ page }) => {
  await page.goto('/da/partners/');
  await expect(page.locator('a[href="/da/partners/letter/"]')).toHaveCount(1);
  await expect(page.locator('a[href="/da/partners/sheet/"]')).toHaveCount(1);
  await expect(page.locator('a[href="/da/flyer/?kind=family"]')).toHaveCount(1);
  await expect(page.locator('[data-role-models]')).toBeVisible();
});
