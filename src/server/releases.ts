/**
 * The releases of the built site in $DATA_DIR/releases/: `npm run publish` (scripts/publish.ts)
 * makes and switches them, the server (./liveRelease.ts) serves the one `current` points to.
 *   releases/<id>/                 one complete build (client/ + server/, what dist/ holds), never
 *                                  changed once made
 *   releases/current -> <id>       switched atomically: a new symlink renamed over the old one
 *   releases/node_modules -> …     the project's packages, which the releases' server code imports
 *                                  (Node looks for them in the folders above the code)
 *   releases/.<id>.partial/build/  a build in progress (with its own node_modules link beside it):
 *                                  never listed, removed when it fails
 * Ids sort by time: the UTC time it was made and the short commit (20250611T093012Z-1a2b3c4), so
 * "the previous release" is the one whose id sorts just before. A pipeline that ships a folder
 * names it the same way.
 */
import fs from 'node:fs';
import path from 'node:path';

/** The symlink to the live release, inside the releases folder. */
export const currentLink = 'current';
/** What a release must hold to be served: the home page and the server's entry. */
export const requiredFiles = ['client/index.html', 'server/entry.mjs'] as const;
/** How many releases `publish` keeps when PUBLISH_KEEP does not say. */
export const defaultKeep = 3;

/** A mistake the operator can fix (the CLI prints the message alone, without a stack). */
export class ReleaseError extends Error {}

export interface ReleaseInfo {
  /** The folder's name, which is its id. */
  id: string;
  /** The folder. */
  dir: string;
  /** Whether `current` points to it. */
  live: boolean;
  /** Files of `requiredFiles` it lacks (empty: it can be served). */
  missing: string[];
}

/** The releases folder of a data directory. */
export function releasesDirIn(dataDir: string): string {
  return path.join(dataDir, 'releases');
}

/** A new release id: `20250611T093012Z`, then `-<commit>` when there is one. */
export function releaseId(date: Date, commit?: string | null): string {
  const stamp = date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return commit ? `${stamp}-${commit}` : stamp;
}

/** Whether `id` can name a release folder (no path, no dot file, not the link). */
export function isReleaseId(id: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(id) && id !== currentLink && id !== 'node_modules';
}

/** The files of `requiredFiles` missing in `dir`. */
export function missingFiles(dir: string): string[] {
  return requiredFiles.filter((file) => !fs.existsSync(path.join(dir, file)));
}

/** The id `current` points to, or null when nothing was published yet. */
export function liveReleaseId(releasesDir: string): string | null {
  try {
    return path.basename(fs.readlinkSync(path.join(releasesDir, currentLink)));
  } catch {
    return null;
  }
}

/** Every release folder, oldest first (by id). */
export function listReleases(releasesDir: string): ReleaseInfo[] {
  if (!fs.existsSync(releasesDir)) return [];
  const live = liveReleaseId(releasesDir);
  return fs
    .readdirSync(releasesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && isReleaseId(entry.name))
    .map((entry) => entry.name)
    .sort()
    .map((id) => {
      const dir = path.join(releasesDir, id);
      return { id, dir, live: id === live, missing: missingFiles(dir) };
    });
}

/** Points `current` at release `id` in one step (rename over the old link); refuses an incomplete release. */
export function switchRelease(releasesDir: string, id: string): void {
  const dir = path.join(releasesDir, id);
  if (!isReleaseId(id) || !fs.existsSync(dir)) throw new ReleaseError(`There is no release "${id}" in ${releasesDir}.`);
  const missing = missingFiles(dir);
  if (missing.length) throw new ReleaseError(`${dir} is incomplete (missing ${missing.join(', ')}): not switched.`);
  replaceLink(releasesDir, currentLink, id);
}

/** Makes `dir/name` a symlink to `target` in one step: a new link renamed over the old one, then synced. */
function replaceLink(dir: string, name: string, target: string): void {
  const temporary = path.join(dir, `.${currentLink}-${process.pid}-${Date.now()}`);
  fs.symlinkSync(target, temporary);
  try {
    fs.renameSync(temporary, path.join(dir, name));
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
  // The switch survives a power cut: the folder's new entry is on disk.
  const folder = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(folder);
  } finally {
    fs.closeSync(folder);
  }
}

/** Switches back to the complete release just before the live one; returns its id. */
export function rollBack(releasesDir: string): string {
  const releases = listReleases(releasesDir);
  const live = releases.findIndex((r) => r.live);
  if (live < 0) throw new ReleaseError(`Nothing is published in ${releasesDir}: there is nothing to go back from.`);
  const previous = releases.slice(0, live).findLast((r) => r.missing.length === 0);
  if (!previous) throw new ReleaseError(`${releases[live]!.id} is the oldest release kept: there is none before it.`);
  switchRelease(releasesDir, previous.id);
  return previous.id;
}

/**
 * Makes `dir`, a release folder a pipeline shipped into the releases folder, the live one: checks
 * it is complete, links it to the project's packages and switches. Returns its id.
 */
export function activateRelease(releasesDir: string, dir: string, nodeModules: string): string {
  const resolved = path.resolve(dir);
  if (!fs.existsSync(resolved) || !fs.statSync(resolved).isDirectory()) throw new ReleaseError(`${resolved} is not a folder.`);
  const id = path.basename(resolved);
  if (fs.realpathSync(path.dirname(resolved)) !== fs.realpathSync(releasesDir) || !isReleaseId(id)) {
    throw new ReleaseError(`${resolved} is not a release folder in ${releasesDir} (ship it there, or use --from to copy a build).`);
  }
  const missing = missingFiles(resolved);
  if (missing.length) throw new ReleaseError(`${resolved} is incomplete (missing ${missing.join(', ')}): not activated.`);
  linkNodeModules(releasesDir, nodeModules);
  switchRelease(releasesDir, id);
  return id;
}

/**
 * Points `dir/node_modules` at the project's packages (unless it does already), so the server code
 * of the builds below `dir` finds them: Node looks in the folders above the code, and releases live
 * in the data folder, away from the project.
 */
export function linkNodeModules(dir: string, nodeModules: string): void {
  const target = fs.realpathSync(nodeModules);
  const link = path.join(dir, 'node_modules');
  if (fs.existsSync(link) && fs.realpathSync(link) === target) return;
  replaceLink(dir, 'node_modules', target);
}

/**
 * Deletes the oldest complete releases beyond the newest `keep`, never the live one; leaves
 * incomplete folders alone (a pipeline may still be shipping one). Returns the ids deleted.
 */
export function pruneReleases(releasesDir: string, keep: number): string[] {
  const complete = listReleases(releasesDir).filter((r) => r.missing.length === 0);
  const kept = new Set(complete.slice(-keep).map((r) => r.id));
  const removed = complete.filter((r) => !r.live && !kept.has(r.id));
  for (const r of removed) fs.rmSync(r.dir, { recursive: true, force: true });
  return removed.map((r) => r.id);
}

/** PUBLISH_KEEP: how many releases to keep (at least 2: the live one and one to roll back to). */
export function publishKeep(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.PUBLISH_KEEP?.trim();
  if (!raw) return defaultKeep;
  const keep = Number(raw);
  if (!Number.isInteger(keep) || keep < 2) {
    throw new ReleaseError(`PUBLISH_KEEP must be a whole number of at least 2 (the live release and one to roll back to), not "${raw}".`);
  }
  return keep;
}

/** Removes what an interrupted publish left: half-built folders and temporary links (hold the lock). */
export function removeLeftovers(releasesDir: string): string[] {
  const leftovers = fs.existsSync(releasesDir)
    ? fs.readdirSync(releasesDir).filter((name) => name.endsWith('.partial') || name.startsWith(`.${currentLink}-`))
    : [];
  for (const name of leftovers) fs.rmSync(path.join(releasesDir, name), { recursive: true, force: true });
  return leftovers;
}

/**
 * Runs `work` while holding the releases folder's lock, so two publishes never switch at once.
 * A lock left by a process that is gone is taken over.
 */
export async function withReleaseLock<T>(releasesDir: string, work: () => Promise<T> | T): Promise<T> {
  // Inside the data folder, which holds personal data: only its owner may enter (as the store makes it).
  fs.mkdirSync(releasesDir, { recursive: true, mode: 0o700 });
  const lock = path.join(releasesDir, '.lock');
  for (;;) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(fs.readFileSync(lock, 'utf8'));
      if (isRunning(holder)) throw new ReleaseError(`Another publish (process ${holder}) is running; try again when it is done.`);
      fs.rmSync(lock, { force: true });
    }
  }
  try {
    return await work();
  } finally {
    fs.rmSync(lock, { force: true });
  }
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
