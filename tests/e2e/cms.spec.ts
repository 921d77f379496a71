/**
 * The staff admin (/admin/, Sveltia CMS) on a temporary copy of content/: what staff do in the
 * browser ends up as clean files that the site builds with. The browser's folder picker is
 * answered with an OPFS folder (tests/helpers/cmsWorkspace.ts). The browser runs in UTC on
 * purpose: meeting times must still be Copenhagen times.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'yaml';
import sharp from 'sharp';
import { changedFiles, copyBackFromOpfs, copyOfContent, openAdminOnCopy, readTree, removeCopies } from '../helpers/cmsWorkspace';
import { buildFixture } from '../helpers/buildFixture';

test.afterAll(removeCopies);

test.use({ timezoneId: 'UTC', viewport: { width: 1280, height: 900 } });

/** A field of the entry form (the preview pane repeats data-key-path, without inputs). */
const field = (page: Page, keyPath: string) => page.locator(`section.field[data-key-path="${keyPath}"]`);

/**
 * Opens a new entry form. Sveltia sets up the new draft just after the form appears and may
 * clear what was typed in that moment, so the first field is typed until it sticks.
 */
async function newEntry(page: Page, firstKeyPath: string, value: string) {
  await page.getByRole('button', { name: 'Create New Entry' }).first().click();
  const input = field(page, firstKeyPath).locator('input');
  await expect(async () => {
    await input.fill(value);
    await expect(input).toHaveValue(value, { timeout: 500 });
    await page.waitForTimeout(300);
    await expect(input).toHaveValue(value, { timeout: 100 });
  }).toPass();
}

/** Requests that left our origin (none may). */
function watchOrigin(page: Page, origin: string): string[] {
  const outside: string[] = [];
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) outside.push(url);
  });
  return outside;
}

/** Adds a meeting through the admin's form and saves it. */
async function addMeeting(page: Page, { start, end }: { start: string; end: string }) {
  await newEntry(page, 'start', start);
  await field(page, 'end').locator('input[type="datetime-local"]').fill(end);
  await page.getByRole('radio', { name: 'Beboerhuset Greve Nord' }).click();
  await field(page, 'interpreters').locator('input[type="text"]').first().fill('ar');
  await field(page, 'childcare').locator('[role="switch"]').click();
  await field(page, 'womenOnly').locator('[role="switch"]').click();
  await field(page, 'free').locator('[role="switch"]').click();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText(/saved|gemt/i).first()).toBeVisible();
}

const meetings = [
  { season: 'winter', id: '2027-02-04-beboerhuset-greve-nord', start: '2027-02-04T17:00', end: '2027-02-04T19:00', offset: '+01:00' },
  { season: 'summer', id: '2027-06-10-beboerhuset-greve-nord', start: '2027-06-10T17:00', end: '2027-06-10T19:00', offset: '+02:00' },
];

test.describe.serial('adding meetings in the admin', () => {
  const results: { id: string; dir: string }[] = [];

  for (const m of meetings) {
    test(`a meeting at 17:00 in ${m.season} is written as one clean YAML file with offset ${m.offset}`, async ({ page, baseURL }) => {
      const outside = watchOrigin(page, baseURL!);
      const dir = copyOfContent();
      const before = readTree(dir);
      await openAdminOnCopy(page, dir);
      await addMeeting(page, m);
      await copyBackFromOpfs(page, dir);

      expect(changedFiles(before, readTree(dir))).toEqual({ added: [`content/meetings/${m.id}.yaml`], removed: [], changed: [] });
      const text = fs.readFileSync(path.join(dir, 'content/meetings', `${m.id}.yaml`), 'utf8');
      expect(parse(text)).toEqual({
        start: `${m.start}:00${m.offset}`,
        end: `${m.end}:00${m.offset}`,
        venue: 'beboerhuset-greve-nord',
        interpreters: ['ar'],
        childcare: true,
        womenOnly: true,
        free: true,
        bringFriend: false,
        cancelled: false,
      });
      expect(text, 'no empty strings or nulls').not.toMatch(/""|''|\bnull\b|~/);
      expect(outside).toEqual([]);
      results.push({ id: m.id, dir });
    });
  }

  test('the site builds with both meetings and shows them at 17:00', async () => {
    test.setTimeout(180_000);
    expect(results).toHaveLength(2);
    const pages: string[] = [];
    const { status, output } = buildFixture(
      (site) => {
        for (const r of results) fs.cpSync(path.join(r.dir, 'content/meetings', `${r.id}.yaml`), path.join(site, 'content/meetings', `${r.id}.yaml`));
      },
      (site) => {
        for (const r of results) pages.push(fs.readFileSync(path.join(site, 'dist/client/da/meetings', r.id, 'index.html'), 'utf8'));
      },
    );
    expect(status, output).toBe(0);
    for (const html of pages) expect(html).toMatch(/17[:.]00/);
  });
});

test.describe.serial('adding a staff member with a photo in the admin', () => {
  let dir = '';

  test('the photo is stored beside her YAML, which names it ./<file>, with alt text per language', async ({ page, baseURL }) => {
    const outside = watchOrigin(page, baseURL!);
    dir = copyOfContent();
    const before = readTree(dir);
    // Her photo comes from elsewhere on the staff laptop, not from the repository.
    const photo = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'aaben-doer-photo-')), 'nadia.png');
    await sharp({ create: { width: 480, height: 480, channels: 3, background: '#7a2e5c' } }).png().toFile(photo);

    await openAdminOnCopy(page, dir);
    await page.getByText('Medarbejdere').click();
    await newEntry(page, 'name', 'Nadia Hassan');
    await field(page, 'photo').locator('input[type="file"]').first().setInputFiles(photo);
    await field(page, 'phone').locator('input').fill('+4522334499');
    await field(page, 'languages').locator('input[type="text"]').first().fill('ar');
    await field(page, 'translationStatus').getByRole('radio', { name: /Maskine/ }).click();
    await field(page, 'role.da').locator('input').fill('Mentor');
    await field(page, 'role.ar').locator('input').fill('مرشدة');
    // The form renders groups as they scroll into view.
    await field(page, 'bio').scrollIntoViewIfNeeded();
    await field(page, 'bio.da').locator('textarea').fill('Jeg taler arabisk og dansk. Ring bare.');
    await field(page, 'alt').scrollIntoViewIfNeeded();
    await field(page, 'alt.da').locator('input').fill('Foto af Nadia');
    await field(page, 'alt.ar').locator('input').fill('صورة نادية');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText(/saved|gemt/i).first()).toBeVisible();
    fs.rmSync(photo);
    await copyBackFromOpfs(page, dir);

    const changes = changedFiles(before, readTree(dir));
    expect(changes.removed).toEqual([]);
    expect(changes.changed).toEqual([]);
    expect(changes.added).toEqual(['content/staff/nadia-hassan.yaml', 'content/staff/nadia.png']);
    const text = fs.readFileSync(path.join(dir, 'content/staff/nadia-hassan.yaml'), 'utf8');
    expect(parse(text)).toEqual({
      name: 'Nadia Hassan',
      order: 99,
      photo: './nadia.png',
      phone: '+4522334499',
      languages: ['ar'],
      example: false,
      translationStatus: 'machine',
      role: { da: 'Mentor', ar: 'مرشدة' },
      bio: { da: 'Jeg taler arabisk og dansk. Ring bare.' },
      alt: { da: 'Foto af Nadia', ar: 'صورة نادية' },
    });
    expect(text, 'no empty strings or nulls').not.toMatch(/""|''|\bnull\b|~/);
    expect(outside).toEqual([]);
  });

  test('the site builds with her and shows her photo and alt text on the staff page', async () => {
    test.fixme(!fs.existsSync('content/staff'), 'the staff collection and page land with the content branch');
    test.setTimeout(180_000);
    let html = '';
    const { status, output } = buildFixture(
      (site) => {
        for (const f of ['nadia-hassan.yaml', 'nadia.png']) fs.cpSync(path.join(dir, 'content/staff', f), path.join(site, 'content/staff', f));
      },
      (site) => {
        html = fs.readFileSync(path.join(site, 'dist/client/da/staff/index.html'), 'utf8');
      },
    );
    expect(status, output).toBe(0);
    expect(html).toContain('Nadia Hassan');
    expect(html).toMatch(/<img[^>]+alt="Foto af Nadia"/);
  });
});

test('a new page is written in Danish only, with no empty files for the other languages', async ({ page }) => {
  const dir = copyOfContent();
  const before = readTree(dir);
  await openAdminOnCopy(page, dir);
  await page.getByText('Sider').click();
  await newEntry(page, 'title', 'Cykelhold om foråret');
  await field(page, 'description').locator('input').fill('Lær at cykle sammen med andre kvinder.');
  await field(page, 'body').locator('[contenteditable="true"]').fill('Vi cykler hver tirsdag.');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText(/saved|gemt/i).first()).toBeVisible();
  await copyBackFromOpfs(page, dir);

  expect(changedFiles(before, readTree(dir))).toEqual({ added: ['content/pages/da/cykelhold-om-foraaret.mdx'], removed: [], changed: [] });
  const text = fs.readFileSync(path.join(dir, 'content/pages/da/cykelhold-om-foraaret.mdx'), 'utf8');
  expect(text).toBe('---\ntitle: "Cykelhold om foråret"\ndescription: "Lær at cykle sammen med andre kvinder."\n---\n\nVi cykler hver tirsdag.\n');
});
