import { chromium } from 'playwright';
import { PDFDocument } from 'pdf-lib';
const css = process.argv[2] ?? '';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const page = await browser.newPage({ bypassCSP: true });
for (const lang of ['ur', 'so', 'fa', 'ar', 'tr', 'en']) {
  await page.goto(`http://127.0.0.1:6200/${lang}/partners/consent-slip/`, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready);
  if (css) await page.addStyleTag({ content: css });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  console.log(lang, (await PDFDocument.load(pdf)).getPageCount());
}
await browser.close();
