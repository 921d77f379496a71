import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve('.');
const copied = ['src', 'content', 'public', 'scripts', 'astro.config.mjs', 'site.config.ts', 'tsconfig.json', 'package.json'];

/**
 * The copy's node_modules: a folder of links to each package of ours, but its own caches. Astro
 * keeps its content store in node_modules/.astro and Vite its dependency cache in
 * node_modules/.vite; with one linked node_modules, two copies building at once (content-errors
 * and cms specs) read each other's content: a build failed on the other copy's staff photo.
 */
function linkModules(dir: string) {
  const from = path.join(root, 'node_modules');
  const to = path.join(dir, 'node_modules');
  fs.mkdirSync(to);
  for (const entry of fs.readdirSync(from)) {
    if (['.astro', '.vite', '.cache'].includes(entry)) continue;
    fs.symlinkSync(path.join(from, entry), path.join(to, entry), 'dir');
  }
}

/**
 * Builds a throw-away copy of the site after `change(dir)` edits it (e.g. adds a broken content
 * file), so a test can prove what the build says about bad content. Never touches content/.
 * `inspect(dir)` runs after a successful build, before the copy is removed (dist/ is in `dir`).
 * `timeout` (ms) bounds the build: a full build on a busy machine needs more than a failing one.
 * `command` runs instead of `astro build` (arguments to node, in the copy; e.g. scripts/publish.ts), with `env` added.
 */
export function buildFixture(
  change: (dir: string) => void,
  inspect?: (dir: string) => void,
  { timeout = 120_000, command, env = {} }: { timeout?: number; command?: string[]; env?: Record<string, string> } = {},
): { status: number | null; output: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aaben-doer-fixture-'));
  try {
    for (const item of copied) fs.cpSync(path.join(root, item), path.join(dir, item), { recursive: true });
    linkModules(dir);
    change(dir);
    const astro = path.join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
    const run = spawnSync(process.execPath, command ?? [astro, 'build'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, FORCE_COLOR: '0', ...env },
      timeout,
    });
    if (inspect && run.status === 0) inspect(dir);
    return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
