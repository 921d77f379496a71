/**
 * Drives the staff admin (Sveltia CMS) on a temporary copy of content/.
 *
 * Sveltia's local mode ("Work with Local Repository") asks the browser's folder picker for the
 * project folder, which headless Chromium cannot answer. We stand in for it: the folder is an
 * OPFS (origin private file system) folder seeded from the temporary copy, and
 * window.showDirectoryPicker() returns it. After saving, the OPFS folder is copied back to disk,
 * so a test can diff it against the copy and build the site with it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';

const root = path.resolve('.');
const opfsFolder = 'site';

export interface FileMap {
  [relativePath: string]: Buffer;
}

const copies: string[] = [];

/** A temporary folder holding a copy of content/ (what Sveltia sees as the repository). */
export function copyOfContent(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aaben-doer-cms-'));
  fs.cpSync(path.join(root, 'content'), path.join(dir, 'content'), { recursive: true });
  copies.push(dir);
  return dir;
}

/** Removes the temporary copies this worker made (call from test.afterAll). */
export function removeCopies(): void {
  for (const dir of copies.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** Every file under `dir`, as relative POSIX path → bytes. */
export function readTree(dir: string): FileMap {
  const files: FileMap = {};
  for (const f of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!f.isFile()) continue;
    const full = path.join(f.parentPath, f.name);
    files[path.relative(dir, full).split(path.sep).join('/')] = fs.readFileSync(full);
  }
  return files;
}

/** Paths added, removed or changed between two trees. */
export function changedFiles(before: FileMap, after: FileMap): { added: string[]; removed: string[]; changed: string[] } {
  const added = Object.keys(after)
    .filter((p) => !(p in before))
    .sort();
  const removed = Object.keys(before)
    .filter((p) => !(p in after))
    .sort();
  const changed = Object.keys(after)
    .filter((p) => p in before && !before[p]!.equals(after[p]!))
    .sort();
  return { added, removed, changed };
}

/** Makes the folder picker answer with the OPFS folder (runs before any page script). */
export async function standInForFolderPicker(page: Page): Promise<void> {
  await page.addInitScript((folder) => {
    const picker = async () => (await navigator.storage.getDirectory()).getDirectoryHandle(folder, { create: true });
    Object.defineProperty(window, 'showDirectoryPicker', { value: picker, configurable: true });
  }, opfsFolder);
}

/** Fills the OPFS folder with `dir` (plus the .git folder Sveltia checks for). Call on a page of the site's origin. */
export async function seedOpfs(page: Page, dir: string): Promise<void> {
  const files = Object.entries(readTree(dir)).map(([p, data]) => [p, data.toString('base64')] as const);
  await page.evaluate(
    async ({ folder, files }) => {
      const opfs = await navigator.storage.getDirectory();
      await opfs.removeEntry(folder, { recursive: true }).catch(() => undefined);
      const top = await opfs.getDirectoryHandle(folder, { create: true });
      await top.getDirectoryHandle('.git', { create: true });
      for (const [p, b64] of files) {
        const parts = p.split('/');
        let d = top;
        for (const part of parts.slice(0, -1)) d = await d.getDirectoryHandle(part, { create: true });
        const writable = await (await d.getFileHandle(parts.at(-1)!, { create: true })).createWritable();
        await writable.write(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)));
        await writable.close();
      }
    },
    { folder: opfsFolder, files },
  );
}

/** Copies the OPFS folder back over `dir` (files Sveltia deleted are deleted too). */
export async function copyBackFromOpfs(page: Page, dir: string): Promise<void> {
  const files: [string, string][] = await page.evaluate(async (folder) => {
    const out: [string, string][] = [];
    const walk = async (d: FileSystemDirectoryHandle, prefix: string): Promise<void> => {
      for await (const [name, handle] of (d as unknown as { entries(): AsyncIterable<[string, FileSystemHandle]> }).entries()) {
        if (prefix === '' && name === '.git') continue;
        if (handle.kind === 'directory') await walk(handle as FileSystemDirectoryHandle, `${prefix}${name}/`);
        else {
          const bytes = new Uint8Array(await (await (handle as FileSystemFileHandle).getFile()).arrayBuffer());
          let bin = '';
          for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
          out.push([`${prefix}${name}`, btoa(bin)]);
        }
      }
    };
    await walk(await (await navigator.storage.getDirectory()).getDirectoryHandle(folder), '');
    return out;
  }, opfsFolder);
  fs.rmSync(path.join(dir, 'content'), { recursive: true, force: true });
  for (const [p, b64] of files) {
    fs.mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
    fs.writeFileSync(path.join(dir, p), Buffer.from(b64, 'base64'));
  }
}

/** Opens /admin/ on the seeded OPFS folder: the admin's own "work with local repository" button. */
export async function openAdminOnCopy(page: Page, dir: string): Promise<void> {
  await standInForFolderPicker(page);
  await page.goto('/noscript.css'); // any small same-origin file: OPFS belongs to the origin
  await seedOpfs(page, dir);
  await page.goto('/admin/');
  await page.getByRole('button', { name: /local repository|lokal/i }).click();
}
