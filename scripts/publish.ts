/**
 * `npm run publish`: builds the site into a new release folder and makes it the live one in one
 * step; the running server follows without a restart (src/server/liveRelease.ts).
 *   npm run publish                      build this checkout, switch, keep the newest PUBLISH_KEEP (3)
 *   npm run publish -- --from DIST       publish a build made before (a dist/ folder) instead of building
 *   npm run publish -- --activate DIR    switch to a release a pipeline shipped into $DATA_DIR/releases/
 *   npm run publish -- --rollback        go back to the release before the live one
 *   npm run publish -- --list            the releases, and which one is live
 * Releases live in $DATA_DIR/releases/ (default ./data), where the server looks for them
 * (src/server/releases.ts). A failed build prints the build's error (it names the file and the
 * field), removes its half-built folder and leaves the live release as it was. The build's own
 * caches (.astro/, node_modules/.astro, node_modules/.cache) stay in the project, as with npm run build.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { resolveDataDir } from '#src/store/openStore.ts';
import {
  ReleaseError,
  activateRelease,
  linkNodeModules,
  listReleases,
  liveReleaseId,
  missingFiles,
  pruneReleases,
  publishKeep,
  releaseId,
  releasesDirIn,
  removeLeftovers,
  rollBack,
  switchRelease,
  withReleaseLock,
} from '#src/server/releases.ts';

const usage = `Usage: npm run publish [-- option]
  (none)          build the site into a new release and make it live
  --from DIST     make a build made before (a folder with client/ and server/) the new release
  --activate DIR  make a release shipped into $DATA_DIR/releases/ live, once it is checked complete
  --rollback      go back to the release before the live one
  --list          the releases, newest first, and which one is live
Releases are kept in $DATA_DIR/releases/ (DATA_DIR default ./data); the newest PUBLISH_KEEP (3) stay.`;

const root = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const nodeModules = path.join(root, 'node_modules');

const { values: opts } = parseArgs({
  options: {
    from: { type: 'string' },
    activate: { type: 'string' },
    rollback: { type: 'boolean' },
    list: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (opts.help) {
  console.log(usage);
  process.exit(0);
}
if ([opts.from !== undefined, opts.activate !== undefined, opts.rollback, opts.list].filter(Boolean).length > 1) {
  console.error(`Give one of --from, --activate, --rollback, --list.\n${usage}`);
  process.exit(2);
}

const releasesDir = releasesDirIn(resolveDataDir());

try {
  if (opts.list) list();
  else await withReleaseLock(releasesDir, run);
} catch (error) {
  if (!(error instanceof ReleaseError)) throw error;
  console.error(`publish: ${error.message}`);
  process.exit(1);
}

async function run(): Promise<void> {
  for (const name of removeLeftovers(releasesDir)) console.log(`publish: removed ${name}, left by an interrupted publish`);
  const keep = publishKeep();
  const was = liveReleaseId(releasesDir);
  if (opts.rollback) {
    console.log(`publish: ${rollBack(releasesDir)} is live again (was ${was}).`);
    return;
  }
  if (opts.activate !== undefined) {
    const id = activateRelease(releasesDir, opts.activate, nodeModules);
    return done(id, was, keep);
  }
  const id = uniqueId(releaseId(new Date(), commit()));
  // The build goes to partial/build; the node_modules link beside it lets its server code (the
  // prerendering too) find the project's packages, as releases/node_modules does for the releases.
  const partial = path.join(releasesDir, `.${id}.partial`);
  const built = path.join(partial, 'build');
  try {
    fs.mkdirSync(built, { recursive: true });
    linkNodeModules(partial, nodeModules);
    if (opts.from !== undefined) copyBuild(path.resolve(opts.from), built);
    else if (!(await build(built))) {
      throw new ReleaseError(`the build failed (its error is above); nothing was switched, ${was ?? 'nothing'} stays live.`);
    }
    const missing = missingFiles(built);
    if (missing.length) throw new ReleaseError(`the build made no ${missing.join(', ')}; nothing was switched.`);
    fs.renameSync(built, path.join(releasesDir, id));
  } finally {
    fs.rmSync(partial, { recursive: true, force: true });
  }
  linkNodeModules(releasesDir, nodeModules);
  switchRelease(releasesDir, id);
  done(id, was, keep);
}

function done(id: string, was: string | null, keep: number): void {
  console.log(`publish: ${id} is live${was ? ` (was ${was}; npm run publish -- --rollback goes back)` : ''}.`);
  const removed = pruneReleases(releasesDir, keep);
  if (removed.length) console.log(`publish: removed ${removed.join(', ')} (PUBLISH_KEEP=${keep}).`);
}

function list(): void {
  const releases = listReleases(releasesDir).reverse();
  if (releases.length === 0) {
    console.log(`No releases in ${releasesDir} yet: the server serves dist/. Make one with npm run publish.`);
    return;
  }
  console.log(`Releases in ${releasesDir}, newest first:`);
  for (const r of releases) {
    const state = r.live ? 'live' : r.missing.length ? `incomplete (missing ${r.missing.join(', ')})` : '';
    console.log(`${r.live ? '*' : ' '} ${r.id}  ${state}`.trimEnd());
  }
}

/** The short commit of the checkout, when it is one. */
function commit(): string | null {
  const git = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' });
  return git.status === 0 ? git.stdout.trim() || null : null;
}

/** `id`, or `id-2`, `id-3` … when a release of that name exists (two publishes in one second). */
function uniqueId(id: string): string {
  let unique = id;
  for (let n = 2; fs.existsSync(path.join(releasesDir, unique)); n += 1) unique = `${id}-${n}`;
  return unique;
}

function copyBuild(from: string, to: string): void {
  const missing = missingFiles(from);
  if (missing.length) throw new ReleaseError(`${from} is not a complete build (missing ${missing.join(', ')}).`);
  for (const part of ['client', 'server']) fs.cpSync(path.join(from, part), path.join(to, part), { recursive: true });
}

/**
 * Runs what `npm start` builds (astro build, the postbuild, the PDF flyers when Chromium is
 * there) with DIST_DIR at `outDir`; the build's output goes to this terminal. True when it worked.
 */
async function build(outDir: string): Promise<boolean> {
  const steps = [
    [path.join(nodeModules, 'astro', 'bin', 'astro.mjs'), 'build'],
    [path.join(root, 'scripts', 'postbuild.ts')],
    [path.join(root, 'scripts', 'flyers.ts'), '--optional'],
  ];
  // Ctrl-C reaches the build too: this process stays to remove the half-built folder once it stops.
  const ignore = () => {};
  process.on('SIGINT', ignore).on('SIGTERM', ignore);
  try {
    for (const args of steps) {
      const code = await new Promise<number | null>((resolve) => {
        const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, DIST_DIR: outDir } });
        child.once('error', () => resolve(null));
        child.once('exit', (status) => resolve(status));
      });
      if (code !== 0) return false;
    }
    return true;
  } finally {
    process.off('SIGINT', ignore).off('SIGTERM', ignore);
  }
}
