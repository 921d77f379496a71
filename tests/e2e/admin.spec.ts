/**
 * The staff admin page itself: served from our origin only (no CDN, no status service), under its
 * own strict CSP with no violation, right-to-left fields for RTL languages, and hidden from the
 * public: noindex, not in the sitemap or the search index, linked from no public page.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '../helpers/test.ts';
import { locales } from '#src/i18n/locales.ts';
import { copyOfContent, openAdminOnCopy, removeCopies } from '../helpers/cmsWorkspace.ts';
import { builtPages } from '../../scripts/lib/builtPages.ts';

const client = path.resolve('dist/client');

test.afterAll(removeCopies);

test.use({ viewport: { width: 1280, height: 900 } });

test('the admin loads, opens the local copy and edits a meeting without any request to another origin or CSP violation', async ({
  page,
  baseURL,
}) => {
  const outside: string[] = [];
  const problems: string[] = [];
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(baseURL!) && !/^(data|blob):/.test(url)) outside.push(url);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
  });
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) problems.push(m.text());
  });
  await openAdminOnCopy(page, copyOfContent());
  await page.getByRole('button', { name: 'Create New Entry' }).first().click();
  await expect(page.locator('section.field[data-key-path="start"] input')).toBeVisible();
  await page.getByRole('button', { name: 'Cancel Editing' }).click();
  await page.getByText('Medarbejdere').click();
  await page.getByRole('button', { name: 'Create New Entry' }).first().click();
  await expect(page.locator('section.field[data-key-path="photo"]')).toBeVisible();
  expect(outside).toEqual([]);
  expect(problems).toEqual([]);
});

test('the admin has its own CSP: scripts only from our origin, no unsafe-inline script or eval', async ({ request }) => {
  const res = await request.get('/admin/');
  const csp = res.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(csp).not.toMatch(/'unsafe-eval'|script-src[^;]*'unsafe-inline'/);
  expect(csp).toContain("style-src-elem 'self'");
  expect(res.headers()['x-robots-tag']).toBe('noindex, nofollow');
  const site = await request.get('/da/');
  expect(site.headers()['content-security-policy']).not.toContain('unsafe-inline');
});

test('Arabic, Urdu and Farsi fields are edited right to left, the others left to right', async ({ page }) => {
  await openAdminOnCopy(page, copyOfContent());
  // Text per language inside one file (staff, meetings, venues).
  await page.getByText('Medarbejdere').click();
  await page.getByRole('button', { name: 'Create New Entry' }).first().click();
  // The form renders groups as they scroll into view.
  await page.locator('section.field[data-key-path="role"]').scrollIntoViewIfNeeded();
  for (const l of locales) {
    const input = page.locator(`section.field[data-key-path="role.${l.code}"] input`);
    await expect(input, l.code).toHaveCSS('direction', l.dir);
  }
  // A translated page: the Arabic pane beside the Danish one; the source hash stays a code.
  await page.getByRole('button', { name: 'Cancel Editing' }).click();
  await page.getByText('Tilbud').first().click();
  await page.getByText('Kurser for kvinder').first().click();
  await page.getByRole('combobox').nth(1).click();
  await page
    .getByRole('option', { name: /Arabic|العربية/ })
    .first()
    .click();
  await expect(page.locator('[data-locale="ar"] section.field[data-key-path="title"] input')).toHaveCSS('direction', 'rtl');
  await expect(page.locator('[data-locale="da"] section.field[data-key-path="title"] input')).toHaveCSS('direction', 'ltr');
  await expect(page.locator('[data-locale="ar"] section.field[data-key-path="translation.source"] input')).toHaveCSS('direction', 'ltr');
});

test('the admin is hidden from the public: noindex, not in the sitemap, not searchable, not linked', async () => {
  const html = fs.readFileSync(path.join(client, 'admin/index.html'), 'utf8');
  expect(html).toMatch(/<meta name="robots" content="noindex, nofollow">/);
  for (const f of fs.readdirSync(client).filter((n) => /^sitemap.*\.xml$/.test(n))) {
    expect(fs.readFileSync(path.join(client, f), 'utf8'), f).not.toContain('/admin');
  }
  expect(html).not.toContain('data-pagefind-body');
  const pagefind = fs.readdirSync(path.join(client, 'pagefind'), { recursive: true }).map(String);
  expect(pagefind.length).toBeGreaterThan(0);
  for (const p of builtPages()) {
    const file = path.join(client, p, p.endsWith('/') ? 'index.html' : '');
    expect(fs.readFileSync(file, 'utf8'), p).not.toMatch(/href="[^"]*\/admin\//);
  }
});
