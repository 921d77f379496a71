/**
 * Developer tool: full-page Chromium screenshots of pages at phone width, to LOOK at them.
 *   npx node scripts/screenshots.ts http://127.0.0.1:4321 /ar/ /ur/ [--width=360] [--height=740] [--out=shots] [--first-screen]
 * --first-screen takes only what the phone shows before she scrolls (--height px high), e.g. for the README.
 */
import fs from 'node:fs';
import path from 'node:path';
import { launchChromium } from './lib/chromium.ts';

const args = process.argv.slice(2);
const base = args.find((a) => a.startsWith('http')) ?? 'http://127.0.0.1:4321';
const width = Number(args.find((a) => a.startsWith('--width='))?.slice(8) ?? 360);
const height = Number(args.find((a) => a.startsWith('--height='))?.slice(9) ?? 740);
const out = args.find((a) => a.startsWith('--out='))?.slice(6) ?? 'shots';
const paths = args.filter((a) => a.startsWith('/'));
const fullPage = !args.includes('--first-screen');

fs.mkdirSync(out, { recursive: true });
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1 });
for (const p of paths) {
  await page.goto(base + p, { waitUntil: 'networkidle' });
  // Scroll through once so lazy images load before the full-page shot (this callback runs in the page).
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += 400) {
      window.scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 60));
    }
    window.scrollTo(0, 0);
  });
  await page.waitForLoadState('networkidle');
  const file = path.join(out, `${p.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'root'}-${width}.png`);
  await page.screenshot({ path: file, fullPage });
  console.log(file);
}
await browser.close();
