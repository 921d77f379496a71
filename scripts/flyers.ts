/**
 * `npm run flyers`: saves the ready flyer of every language (hers + Danish + English, A4), the partners'
 * consent slip (hers + Danish, one A4 sheet), the partner letter (hers + Danish) and the partner
 * sheet (Danish, English) as PDFs into the build output, dist/client/flyers/ ($DIST_DIR when set:
 * src/server/distDir.ts), with the system Chromium. Run it after `npm run build`,
 * before you publish dist/client (npm start does both). It serves dist/client itself on a free
 * loopback port for the few seconds it needs.
 *   --lang=ar     only this language (repeatable)
 *   --out=dir     write somewhere else than dist/client/flyers
 *   --optional    without Chromium, warn and exit 0 instead of failing
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import sirv from 'sirv';
import { PDFDocument } from 'pdf-lib';
import type { Page } from '@playwright/test';
import { isLang, langs, type Lang } from '#src/i18n/locales.ts';
import { clientDir as client } from './lib/builtPages.ts';
import { pdfUrl, printUrl } from '#src/flyer/flyerFiles.ts';
import { chromiumCandidate, launchChromium } from './lib/chromium.ts';
import { consentSlipPdfUrl, consentSlipUrl } from '#src/referral/consentSlipFiles.ts';
import { letterPdfUrl, letterUrl, sheetLangs, sheetPdfUrl, sheetUrl } from '#src/partners/partnerPrints.ts';

const args = process.argv.slice(2);
const only = args.filter((a) => a.startsWith('--lang=')).map((a) => a.slice(7));
const outArg = args.find((a) => a.startsWith('--out='))?.slice(6);

if (!fs.existsSync(path.join(client, 'da', 'flyer', 'print', 'index.html'))) {
  console.error(`No built flyers in ${client}: run "npm run build" first.`);
  process.exit(1);
}
if (!fs.existsSync(chromiumCandidate())) {
  const message = `No Chromium at ${chromiumCandidate()} (install Debian's "chromium" or set CHROMIUM_PATH): the PDF flyers were not made.`;
  if (args.includes('--optional')) {
    console.warn(`flyers: ${message} The printable flyer pages work without them.`);
    process.exit(0);
  }
  console.error(message);
  process.exit(1);
}
const unknown = only.filter((l) => !isLang(l));
if (unknown.length) {
  console.error(`Unknown language(s): ${unknown.join(', ')} (see src/i18n/locales.ts)`);
  process.exit(1);
}

const server = http.createServer(sirv(client, { extensions: ['html'] }));
await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
const address = server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

/** One page to print: its URL, the PDF's URL and the stylesheet to blame when it does not fit. */
interface PrintJob {
  page: string;
  pdf: string;
  css: string;
}

const browser = await launchChromium();
try {
  const chosen: Lang[] = only.length ? only.filter(isLang) : langs;
  const jobs: PrintJob[] = [
    ...chosen.map((lang) => ({ page: printUrl(lang), pdf: pdfUrl(lang), css: 'src/styles/flyer.css' })),
    ...chosen.map((lang) => ({ page: consentSlipUrl(lang), pdf: consentSlipPdfUrl(lang), css: 'src/styles/consentSlip.css' })),
    ...chosen.map((lang) => ({ page: letterUrl(lang), pdf: letterPdfUrl(lang), css: 'src/styles/printSheet.css' })),
    ...chosen
      .filter((lang) => sheetLangs.includes(lang))
      .map((lang) => ({ page: sheetUrl(lang), pdf: sheetPdfUrl(lang), css: 'src/styles/printSheet.css' })),
  ];
  /** Prints one job in `page`; two pages print side by side (a core each). The evaluate() callbacks run in the page. */
  const print = async (page: Page, job: PrintJob) => {
    // 'load' has the page's styles, images (the QR code) and fonts in; fonts.ready waits for the rest.
    await page.goto(base + job.page, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    // A letter or sheet clips what does not fit its one page: fail rather than print half a sentence.
    await page.emulateMedia({ media: 'print' });
    const clipped = await page.evaluate(() =>
      [...document.querySelectorAll('[data-print-sheet]')].some((sheet) => sheet.scrollHeight > sheet.clientHeight + 1),
    );
    await page.emulateMedia({ media: null });
    if (clipped) throw new Error(`${job.page}: the text does not fit on one A4 page; shorten it or check ${job.css}`);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true });
    const pages = (await PDFDocument.load(pdf)).getPageCount();
    if (pages !== 1) throw new Error(`${job.page} printed on ${pages} pages instead of one: check ${job.css}`);
    const file = outArg ? path.join(path.resolve(outArg), path.basename(job.pdf)) : path.join(client, job.pdf);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, pdf);
    console.log(`flyers: ${path.relative('.', file)} (${Math.round(pdf.length / 1024)} KB)`);
  };
  const queue = [...jobs];
  const worker = async () => {
    const page = await browser.newPage();
    for (let job = queue.shift(); job; job = queue.shift()) await print(page, job);
  };
  await Promise.all([worker(), worker()]);
} finally {
  await browser.close();
  server.close();
}
