/**
 * The folder staff publish (dist/client, as `npm run build` leaves it) is whole and valid: every
 * page is valid HTML (html-validate, rules in .htmlvalidate.mjs) and every internal link, image,
 * script and form leads to a file of the build or a route the server renders on demand.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '../helpers/test.ts';
import { FileSystemConfigLoader, HtmlValidate, type Message } from 'html-validate';
import { isLang, langs } from '#src/i18n/locales.ts';
import { siteConfig } from '#site.config.ts';
import { builtPages, clientDir } from '../../scripts/lib/builtPages.ts';
import { brokenLinks, onDemandRoutes } from '../helpers/siteLinks.ts';
import { postInterest, validFields } from '../helpers/interestServer.ts';
import { fontFaces } from '../helpers/fontFaces.ts';
import { afterPaintLoader, afterPaintLoaderSource } from '#src/browser/afterPaint.ts';
import { contentSecurityPolicy } from '#src/server/securityHeaders.ts';

const htmlValidate = new HtmlValidate(new FileSystemConfigLoader());
const pages = builtPages();
const fileOf = (page: string) => path.join(clientDir, page.endsWith('/') ? `${page}index.html` : page);
const describe = (where: string, messages: Message[]) => messages.map((m) => `${where}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);

/** Problems of one page of HTML: the validator's, and anything after </html> (which it does not report). */
async function problems(where: string, html: string): Promise<string[]> {
  const report = await htmlValidate.validateString(html, where);
  const found = report.results.flatMap((r) => describe(where, r.messages));
  const end = html.lastIndexOf('</html>') + '</html>'.length;
  if (html.slice(end).trim() !== '') found.push(`${where}: content after </html>: ${html.slice(end, end + 80)}`);
  return found;
}

test.describe('every built page is valid HTML', () => {
  const groups = ['', ...langs].map((lang) => ({
    name: lang || 'outside the language folders',
    pages: pages.filter((p) => (lang ? p.startsWith(`/${lang}/`) : !langs.some((l) => p.startsWith(`/${l}/`)))),
  }));
  for (const group of groups) {
    test(`${group.name} (${group.pages.length} pages)`, async () => {
      expect(group.pages.length).toBeGreaterThan(0);
      const found: string[] = [];
      for (const page of group.pages) found.push(...(await problems(page, fs.readFileSync(fileOf(page), 'utf8'))));
      expect(found).toEqual([]);
    });
  }
});

test('the pages the server renders on demand are valid HTML: the form again with her errors, in Danish and Arabic', async ({ baseURL }) => {
  for (const lang of ['da', 'ar']) {
    const res = await postInterest(baseURL!, validFields({ lang, language: lang, phone: '12', consent: '' }));
    expect(res.status).toBe(400);
    expect(await problems(`POST /api/interest (${lang}, errors)`, await res.text())).toEqual([]);
  }
});

test('every internal link, image, script and form of the build leads somewhere', () => {
  const onDemand = onDemandRoutes(path.resolve('src/pages'));
  expect(onDemand.some((route) => route.test('/api/interest'))).toBe(true);
  const broken = brokenLinks(clientDir, pages, { siteOrigin: new URL(siteConfig.siteUrl).origin, onDemand });
  expect(broken.map((b) => `${b.page}: ${b.ref} (${b.reason})`)).toEqual([]);
});

test('the one inline script of a page is the after-paint loader, allowed by its hash and nothing wider', () => {
  const headers = fs.readFileSync(path.join(clientDir, '_headers'), 'utf8');
  for (const policy of [contentSecurityPolicy, headers]) {
    expect(policy).toContain(afterPaintLoaderSource);
    expect(policy).not.toContain("script-src 'self' 'unsafe-inline'");
  }
  expect(contentSecurityPolicy).not.toContain('unsafe-inline');
  const wrong: string[] = [];
  for (const page of pages.filter((p) => p.endsWith('/'))) {
    let loaders = 0;
    for (const m of fs.readFileSync(fileOf(page), 'utf8').matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
      const [, attributes, body] = m;
      if (/\ssrc=|type="application\/ld\+json"/.test(attributes!)) continue;
      if (body === afterPaintLoader && /\sdata-src="[^"]+"/.test(attributes!)) loaders += 1;
      else wrong.push(`${page}: <script${attributes}>${body!.slice(0, 60)}`);
    }
    // Every page under /<lang>/ has its loader once; the others (language chooser, staff pages) no script.
    const expected = isLang(page.split('/')[1] ?? '') ? 1 : 0;
    if (loaders !== expected) wrong.push(`${page}: ${loaders} loaders, expected ${expected}`);
  }
  expect(wrong).toEqual([]);
});

test('the published build holds the ready flyer of every language as a PDF', () => {
  for (const lang of langs) {
    const partners = fs.readFileSync(fileOf(`/${lang}/partners/`), 'utf8');
    const pdfs = [...partners.matchAll(/href="(\/flyers\/[^"]+\.pdf)"/g)].map((m) => m[1]!);
    expect(pdfs.length, `/${lang}/partners/ links its ready flyers`).toBeGreaterThan(0);
    for (const pdf of pdfs) expect(fs.readFileSync(path.join(clientDir, pdf)).subarray(0, 5).toString(), pdf).toBe('%PDF-');
  }
});

test('every @font-face of the built stylesheets tries the phone’s own font before downloading', () => {
  const sheets = fs.readdirSync(clientDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.css'));
  const faces = sheets.flatMap((sheet) =>
    fontFaces(fs.readFileSync(path.join(clientDir, sheet), 'utf8')).map((face) => ({ sheet, ...face })),
  );
  expect(faces.length).toBeGreaterThan(0);
  const late = faces.filter((face) => !face.src[0]?.startsWith('local(') || face.display !== 'swap');
  expect(late.map((face) => `${face.sheet}: ${face.family} ${face.weight}: ${face.src.join(', ')}`)).toEqual([]);
});
