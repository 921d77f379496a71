/**
 * `npm run flyers`: saves the ready flyer of every language (hers + Danish, A4) as a PDF into
 * the build output, dist/client/flyers/, with the system Chromium. Run it after `npm run build`,
 * before you publish dist/client (npm start does both). It serves dist/client itself on a free
 * loopback port for the few seconds it needs.
 *   --lang=ar     only this language (repeatable)
 *   --out=dir     write somewhere else than dist/client/flyers
 *   --optional    without Chromium, warn and exit 0 instead of failing
 */
/* global document -- the page.evaluate() callback below runs in the page, not in Node */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import sirv from 'sirv';
import { PDFDocument } from 'pdf-lib';
import { langs } from '#src/i18n/locales.ts';
import { pdfUrl, printUrl } from '#src/flyer/flyerFiles.ts';
import { chromiumCandidate, launchChromium } from './lib/chromium.ts';

const args = process.argv.slice(2);
const only = args.filter((a) => a.startsWith('--lang=')).map((a) => a.slice(7));
const client = path.resolve('dist/client');
const outArg = args.find((a) => a.startsWith('--out='))?.slice(6);

if (!fs.existsSync(path.join(client, 'da', 'flyer', 'print', 'index.html'))) {
  console.error('No built flyers in dist/client: run "npm run build" first.');
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
const unknown = only.filter((l) => !langs.includes(l));
if (unknown.length) {
  console.error(`Unknown language(s): ${unknown.join(', ')} (see src/i18n/locales.ts)`);
  process.exit(1);
}

const server = http.createServer(sirv(client, { extensions: ['html'] }));
await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
const address = server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

const browser = await launchChromium();
try {
  const page = await browser.newPage();
  for (const lang of only.length ? only : langs) {
    await page.goto(base + printUrl(lang), { waitUntil: 'networkidle' });
    await page.evaluate(() => document.fonts.ready);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true });
    const pages = (await PDFDocument.load(pdf)).getPageCount();
    if (pages !== 1) throw new Error(`${printUrl(lang)} printed on ${pages} pages instead of one: check src/styles/flyer.css`);
    const file = outArg ? path.join(path.resolve(outArg), path.basename(pdfUrl(lang))) : path.join(client, pdfUrl(lang));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, pdf);
    console.log(`flyers: ${path.relative('.', file)} (${Math.round(pdf.length / 1024)} KB)`);
  }
} finally {
  await browser.close();
  server.close();
}
