/**
 * The folder staff publish (dist/client, as `npm run build` leaves it) is whole and valid: every
 * page is valid HTML (the W3C Nu checker, and html-validate with the rules in .htmlvalidate.mjs)
 * and every internal link, image, script and form leads to a file of the build or a route the
 * server renders on demand.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '../helpers/test.ts';
import { FileSystemConfigLoader, HtmlValidate, type Message } from 'html-validate';
import { isLang, langs } from '#src/i18n/locales.ts';
import { siteConfig } from '#site.config.ts';
import { builtPages, clientDir } from '../../scripts/lib/builtPages.ts';
import { brokenLinks, onDemandRoutes } from '../helpers/siteLinks.ts';
import { formBody, formToken, postInterest, validFields } from '../helpers/interestServer.ts';
import { nuCheckerErrors } from '../helpers/nuChecker.ts';
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

test('every built page, /admin/ and the 404 page too, and the pages the server renders on demand pass the W3C Nu checker', async ({
  baseURL,
}, testInfo) => {
  // One Java start for all the pages: about 10 s on a quiet 2-core machine, more beside other tests.
  test.setTimeout(180_000);
  const post = (to: string, fields: Record<string, string>) =>
    fetch(new URL(to, baseURL), {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: new URL(baseURL!).origin },
      body: formBody(fields),
    });
  // What the server renders on demand without a staff session (the signed-in inbox: inbox.spec.ts).
  const onDemand: [name: string, status: number, response: Promise<Response>][] = [
    ['GET /inbox/signin/', 200, fetch(new URL('/inbox/signin/', baseURL))],
    ['GET /inbox/invite/ (a bad link)', 410, fetch(new URL('/inbox/invite/?token=bad', baseURL))],
    ...['da', 'ar'].map((lang): [string, number, Promise<Response>] => [
      `POST /api/interest (${lang}, errors)`,
      400,
      postInterest(baseURL!, validFields({ lang, language: lang, phone: '12', consent: '' })),
    ]),
    ...['da', 'en'].map((lang): [string, number, Promise<Response>] => [
      `POST /api/referral (${lang}, errors)`,
      400,
      post('/api/referral', { lang, token: formToken() }),
    ]),
  ];
  const dir = testInfo.outputPath('on-demand');
  fs.mkdirSync(dir, { recursive: true });
  const names = new Map<string, string>();
  for (const [i, [name, status, response]] of onDemand.entries()) {
    const res = await response;
    expect(res.status, name).toBe(status);
    const file = path.join(dir, `${i}.html`);
    fs.writeFileSync(file, await res.text());
    names.set(file, name);
  }
  // A page with a known error, so a checker that checks nothing cannot pass.
  const canary = path.join(dir, 'canary.html');
  fs.writeFileSync(canary, '<!doctype html><html lang="en"><title>canary</title><img alt="">');
  names.set(canary, 'canary');
  expect(builtPages(clientDir, { withAdmin: true })).toEqual(expect.arrayContaining(['/admin/', '/404.html']));

  const errors = await nuCheckerErrors([clientDir, dir], (file) => names.get(file) ?? path.relative('.', file));
  expect(errors.filter((e) => e.startsWith('canary:'))).toEqual([expect.stringMatching(/“img” is missing .*“src”/)]);
  expect(errors.filter((e) => !e.startsWith('canary:'))).toEqual([]);
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

/** The class names a stylesheet has rules for (`.aria-\[current\=page\]\:bg-brand` → `aria-[current=page]:bg-brand`). */
function stylesheetClasses(css: string): Set<string> {
  return new Set([...css.matchAll(/\.((?:\\.|[\w-])+)/g)].map((m) => m[1]!.replace(/\\(.)/g, '$1')));
}

/** The stylesheets a page of HTML links, read from the build. */
function stylesheetHrefs(html: string): string[] {
  return [...html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*>/g)].map((m) => /href="([^"]+)"/.exec(m[0])![1]!);
}

function linkedStylesheets(html: string): string[] {
  return stylesheetHrefs(html).map((href) => fs.readFileSync(path.join(clientDir, href), 'utf8'));
}

test('every class a public page uses has its rules in that page’s stylesheets, which leave out the inbox’s', async ({ baseURL }) => {
  // The staff inbox's stylesheet is made from every file of src/; the public one leaves out the
  // inbox and the server code (src/styles/global.css). A class that only the wider reading found
  // would be missing on the public page.
  const inbox = await (await fetch(`${baseURL}/inbox/signin/`)).text();
  const everyClass = stylesheetClasses(linkedStylesheets(inbox).join('\n'));
  const inboxSheets = new Set(stylesheetHrefs(inbox));
  expect(everyClass.has('bg-red-800'), 'an inbox-only class is in the inbox’s stylesheet').toBe(true);
  const inboxOnly = ['bg-red-800', 'font-mono', 'whitespace-pre-line'];
  const missing = new Set<string>();
  const sentToHer = new Set<string>();
  for (const page of pages) {
    const html = fs.readFileSync(fileOf(page), 'utf8');
    const own = stylesheetClasses(linkedStylesheets(html).join('\n'));
    if (page === '/da/') expect(own.size, 'the public stylesheet was read').toBeGreaterThan(100);
    for (const m of html.matchAll(/\sclass="([^"]*)"/g)) {
      for (const name of m[1]!.split(/\s+/).filter(Boolean)) if (everyClass.has(name) && !own.has(name)) missing.add(`${page}: ${name}`);
    }
    // And what only the staff pages use is not sent to her phone, on any page that is not a staff
    // page itself (the translation status loads the inbox's stylesheet on purpose).
    if (stylesheetHrefs(html).some((href) => inboxSheets.has(href))) continue;
    for (const name of inboxOnly) if (own.has(name)) sentToHer.add(`${page}: ${name}`);
  }
  expect([...missing]).toEqual([]);
  expect([...sentToHer]).toEqual([]);
});
