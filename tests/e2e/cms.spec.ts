/**
 * The staff admin (/admin/, Sveltia CMS) on a temporary copy of content/: what staff do in the
 * browser ends up as clean files that the site builds with. The browser's folder picker is
 * answered with an OPFS folder (tests/helpers/cmsWorkspace.ts). The browser runs in UTC on
 * purpose: meeting times must still be Copenhagen times.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '../helpers/test.ts';
import { parse } from 'yaml';
import sharp from 'sharp';
import { changedFiles, copyBackFromOpfs, copyOfContent, openAdminOnCopy, readTree, removeCopies } from '../helpers/cmsWorkspace.ts';
import { buildFixture } from '../helpers/buildFixture.ts';

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

/**
 * Turns a yes/no switch of the entry form on, as staff do: click, and look that it shows "on".
 * A click while Sveltia re-renders the form can be lost (a clean-clone run saved `free: false`
 * once), so it is clicked again until the switch says it is on; the saved file is still checked.
 */
async function switchOn(page: Page, keyPath: string) {
  const toggle = field(page, keyPath).locator('[role="switch"]');
  await expect(async () => {
    if ((await toggle.getAttribute('aria-checked')) !== 'true') await toggle.click();
    await expect(toggle).toHaveAttribute('aria-checked', 'true', { timeout: 500 });
  }).toPass();
}

/** Adds a meeting through the admin's form and saves it. */
async function addMeeting(page: Page, { start, end }: { start: string; end: string }) {
  await newEntry(page, 'start', start);
  await field(page, 'end').locator('input[type="datetime-local"]').fill(end);
  const venue = page.getByRole('radio', { name: 'Beboerhuset Eksempelby Nord' });
  await expect(async () => {
    await venue.click();
    await expect(venue).toBeChecked({ timeout: 500 });
  }).toPass();
  await field(page, 'interpreters').locator('input[type="text"]').first().fill('ar');
  for (const keyPath of ['childcare', 'womenOnly', 'free']) await switchOn(page, keyPath);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText(/saved|gemt/i).first()).toBeVisible();
}

const meetings = [
  { season: 'winter', id: '2027-02-04-beboerhuset-greve-nord', start: '2027-02-04T17:00', end: '2027-02-04T19:00', offset: '+01:00' },
  { season: 'summer', id: '2027-06-10-beboerhuset-greve-nord', start: '2027-06-10T17:00', end: '2027-06-10T19:00', offset: '+02:00' },
];

// One story, saved step by step, then built once (a build is the slow part of these tests).
test.describe.serial('staff publish through the admin', () => {
  /** What each step saved: the copy it worked on and the files it added there. */
  const saved: { dir: string; files: string[] }[] = [];

  for (const m of meetings) {
    test(`a meeting at 17:00 in ${m.season} is written as one clean YAML file with offset ${m.offset}`, async ({ page, baseURL }) => {
      const outside = watchOrigin(page, baseURL!);
      const dir = copyOfContent();
      const before = readTree(dir);
      await openAdminOnCopy(page, dir);
      await addMeeting(page, m);
      await copyBackFromOpfs(page, dir);

      const file = `content/meetings/${m.id}.yaml`;
      expect(changedFiles(before, readTree(dir))).toEqual({ added: [file], removed: [], changed: [] });
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
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
      saved.push({ dir, files: [file] });
    });
  }

  test('a staff photo is stored beside her YAML, which names it ./<file>, with alt text per language', async ({ page, baseURL }) => {
    const outside = watchOrigin(page, baseURL!);
    const dir = copyOfContent();
    const before = readTree(dir);
    // Her photo comes from elsewhere on the staff laptop, not from the repository.
    const photo = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'aaben-doer-photo-')), 'nadia.png');
    await sharp({ create: { width: 480, height: 480, channels: 3, background: '#7a2e5c' } })
      .png()
      .toFile(photo);

    await openAdminOnCopy(page, dir);
    await page.getByText('Medarbejdere').click();
    await newEntry(page, 'name', 'Nadia Hassan');
    await field(page, 'photo').locator('input[type="file"]').first().setInputFiles(photo);
    await field(page, 'phone').locator('input').fill('+4522334499');
    await field(page, 'languages').locator('input[type="text"]').first().fill('ar');
    await field(page, 'translationStatus')
      .getByRole('radio', { name: /Maskine/ })
      .click();
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
    fs.rmSync(path.dirname(photo), { recursive: true });
    await copyBackFromOpfs(page, dir);

    const files = ['content/staff/nadia-hassan.yaml', 'content/staff/nadia.png'];
    expect(changedFiles(before, readTree(dir))).toEqual({ added: files, removed: [], changed: [] });
    const text = fs.readFileSync(path.join(dir, files[0]!), 'utf8');
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
    saved.push({ dir, files });
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

    const file = 'content/pages/da/cykelhold-om-foraaret.mdx';
    expect(changedFiles(before, readTree(dir))).toEqual({ added: [file], removed: [], changed: [] });
    expect(fs.readFileSync(path.join(dir, file), 'utf8')).toBe(
      '---\ntitle: "Cykelhold om foråret"\ndescription: "Lær at cykle sammen med andre kvinder."\n---\n\nVi cykler hver tirsdag.\n',
    );
    saved.push({ dir, files: [file] });
  });

  test('the site builds with all of it: meetings at 17:00, her photo with alt text, the new page in every language', async () => {
    test.setTimeout(240_000);
    expect(saved).toHaveLength(4);
    const html: Record<string, string> = {};
    const read = (site: string, p: string) => (html[p] = fs.readFileSync(path.join(site, 'dist/client', p, 'index.html'), 'utf8'));
    const { status, output } = buildFixture(
      (site) => {
        for (const { dir, files } of saved) for (const f of files) fs.cpSync(path.join(dir, f), path.join(site, f));
      },
      (site) => {
        for (const m of meetings) read(site, `da/meetings/${m.id}`);
        read(site, 'da/staff');
        read(site, 'da/cykelhold-om-foraaret');
        read(site, 'ar/cykelhold-om-foraaret');
      },
    );
    expect(status, output).toBe(0);
    for (const m of meetings) expect(html[`da/meetings/${m.id}`]).toMatch(/17[:.]00/);
    expect(html['da/staff']).toContain('Nadia Hassan');
    expect(html['da/staff']).toMatch(/<img[^>]+alt="Foto af Nadia"/);
    expect(html['da/cykelhold-om-foraaret']).toContain('Vi cykler hver tirsdag.');
    // Arabic has no translation yet: the Danish text, marked as Danish, inside the Arabic page.
    expect(html['ar/cykelhold-om-foraaret']).toMatch(/lang="da"[^>]*>[\s\S]*Vi cykler hver tirsdag\./);
  });
});
