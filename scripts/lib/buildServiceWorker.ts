/**
 * Builds the offline service worker (src/browser/serviceWorker.ts) into dist/client/sw.js after
 * `astro build` (scripts/postbuild.ts). At the root because a worker looks after only the paths
 * under its own URL, and it must look after every /<lang>/ page; at a fixed name because the
 * browser checks that URL for a new release. One classic script, bundled by esbuild (what Astro
 * itself uses for TypeScript), with the release's version in its cache names.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { serviceWorkerUrl } from '#src/browser/serviceWorkerUrl.ts';

const source = fileURLToPath(new URL('../../src/browser/serviceWorker.ts', import.meta.url));

/**
 * The release's version: a hash of every published file's path and content (the search index and
 * compressed copies aside, as they follow from the rest). Any change to the site is a new version,
 * so the worker's own file changes and the browser installs it: new caches, old ones carried over
 * and deleted (serviceWorker.ts).
 */
function releaseVersion(clientDir: string): string {
  const hash = createHash('sha256');
  const files = fs
    .readdirSync(clientDir, { recursive: true, encoding: 'utf8' })
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => !/^pagefind\/|\.(?:br|gz)$/.test(f) && `/${f}` !== serviceWorkerUrl)
    .filter((f) => fs.statSync(path.join(clientDir, f)).isFile())
    .sort();
  for (const file of files) hash.update(`${file}\0`).update(fs.readFileSync(path.join(clientDir, file)));
  return hash.digest('hex').slice(0, 12);
}

/** Writes dist/client/sw.js for the build in `clientDir`; returns its version and size. */
export async function buildServiceWorker(clientDir: string): Promise<{ version: string; bytes: number }> {
  const version = releaseVersion(clientDir);
  const result = await build({
    entryPoints: [source],
    bundle: true,
    format: 'iife',
    minify: true,
    target: 'es2020',
    write: false,
    legalComments: 'none',
    define: { __RELEASE__: JSON.stringify(version) },
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  fs.writeFileSync(path.join(clientDir, serviceWorkerUrl), code);
  return { version, bytes: code.byteLength };
}
