import { chromium } from 'playwright';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const page = await browser.newPage();
for (const lang of ['so', 'ur', 'fa', 'ar', 'tr', 'en', 'da']) {
  await page.goto(`http://127.0.0.1:6200/${lang}/partners/letter/`, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready);
  await page.emulateMedia({ media: 'print' });
  const over = await page.evaluate(() => [...document.querySelectorAll('[data-print-sheet]')].map((s) => s.scrollHeight - s.clientHeight));
  console.log(lang, over);
  await page.emulateMedia({ media: null });
}
await browser.close();
