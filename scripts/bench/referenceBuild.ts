/**
 * The reference build: a plain Astro MDX site (one content collection, one layout, one dynamic
 * route, no integrations but MDX, no adapter, no postbuild) with as many pages as a scaling build,
 * built with the project's own astro and @astrojs/mdx in the same run. Its cost per page is the
 * floor Astro itself puts under any site on this machine; the bench compares ours with it.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { astroPhases } from './buildPhases.ts';
import { childrenCpuMs, type BuildTiming } from './buildTiming.ts';

/** A page of running text with a list: about the text of one meeting page in one language. */
function referencePage(n: number): string {
  return `---
title: Page ${n}
---

## Meeting ${n}

An information meeting about the free courses. Bring a friend if you like; children are welcome.
The meeting is held in the library's small hall, on the ground floor, with a ramp at the entrance.

- When: the first Tuesday of the month, 10:00–11:30
- Where: the library, the small hall
- Language: Danish, with an interpreter on request

Tea and coffee are served. Nobody needs to sign up, and nobody needs to say anything.
If you cannot come, call us and we find another time that suits you.
`;
}

/**
 * The reference site's files, relative to its folder: config, one layout, one route and `pages`
 * MDX files (each becomes one HTML page).
 */
export function referenceSiteFiles(pages: number): Map<string, string> {
  const files = new Map<string, string>();
  files.set('package.json', JSON.stringify({ name: 'bench-reference', private: true, type: 'module' }, null, 2));
  files.set(
    'astro.config.mjs',
    `import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
export default defineConfig({ integrations: [mdx()] });
`,
  );
  files.set(
    'src/content.config.ts',
    `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
export const collections = {
  pages: defineCollection({
    loader: glob({ pattern: '*.mdx', base: './content' }),
    schema: z.object({ title: z.string() }),
  }),
};
`,
  );
  files.set(
    'src/layouts/Page.astro',
    `---
const { title } = Astro.props;
---
<html lang="en">
  <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width" /><title>{title}</title></head>
  <body><main><h1>{title}</h1><slot /></main></body>
</html>
`,
  );
  files.set(
    'src/pages/[slug].astro',
    `---
import { getCollection, render } from 'astro:content';
import Page from '../layouts/Page.astro';
export async function getStaticPaths() {
  return (await getCollection('pages')).map((entry) => ({ params: { slug: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<Page title={entry.data.title}><Content /></Page>
`,
  );
  for (let n = 1; n <= pages; n += 1) files.set(`content/page-${n}.mdx`, referencePage(n));
  return files;
}

/**
 * Builds the reference site with `pages` pages in a temporary folder and times `astro build`.
 * `root` is the project: its node_modules supply astro and @astrojs/mdx.
 */
export function timeReferenceBuild(root: string, pages: number): BuildTiming {
  const label = `reference, ${pages} pages`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aaben-doer-bench-reference-'));
  try {
    for (const [file, text] of referenceSiteFiles(pages)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    }
    // The project's packages, but a cache of its own (node_modules/.astro, .vite).
    fs.mkdirSync(path.join(dir, 'node_modules'));
    for (const entry of fs.readdirSync(path.join(root, 'node_modules'))) {
      if (entry.startsWith('.')) continue;
      fs.symlinkSync(path.join(root, 'node_modules', entry), path.join(dir, 'node_modules', entry));
    }
    const cpuBefore = childrenCpuMs();
    const started = performance.now();
    const result = spawnSync(process.execPath, [path.join(dir, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], {
      cwd: dir,
      env: { ...process.env, FORCE_COLOR: '0', ASTRO_TELEMETRY_DISABLED: '1' },
      encoding: 'utf8',
      timeout: 15 * 60_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    const astroMs = Math.round(performance.now() - started);
    const cpuAfter = childrenCpuMs();
    const cpuMs = cpuBefore === null || cpuAfter === null ? null : Math.round(cpuAfter - cpuBefore);
    if (result.status !== 0) {
      const tail = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-15).join('\n');
      throw new Error(`the reference build failed (exit ${result.status ?? result.signal}):\n${tail}`);
    }
    const built = fs.readdirSync(path.join(dir, 'dist'), { recursive: true }).filter((f) => String(f).endsWith('.html')).length;
    return {
      label,
      meetings: 0,
      pages: built,
      astroMs,
      postbuildMs: 0,
      totalMs: astroMs,
      cpuMs,
      astroCpuMs: cpuMs,
      phases: astroPhases(result.stdout),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
