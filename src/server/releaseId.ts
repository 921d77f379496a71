/**
 * Which release is running, for /healthz and the operator: env RELEASE_ID; else the release folder
 * the site is served from (`<DATA_DIR>/releases/current` → `releases/<id>`, as `npm run publish`
 * makes it, or a DIST_DIR inside such a folder); else the Git commit of the code; else "dev".
 * Read from the file system only, no child process, and never throws.
 */
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { currentLink, releasesDirIn } from './releases.ts';

/** Letters, digits, dot, dash and underscore, at most 64: what may appear in the health answer. */
const clean = (value: string | undefined) => {
  const id = value?.trim().slice(0, 64);
  return id && /^[\w.-]+$/.test(id) ? id : undefined;
};

const readText = (file: string) => {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return undefined;
  }
};

/** The commit HEAD points at in the repository at `root` (a worktree's `.git` file is followed), first 12 hex digits. */
export function gitCommit(root: string): string | undefined {
  const dotGit = path.join(root, '.git');
  let gitDir = dotGit;
  try {
    if (statSync(dotGit).isFile()) gitDir = path.resolve(root, (readText(dotGit) ?? '').replace(/^gitdir:\s*/, ''));
  } catch {
    return undefined;
  }
  const head = readText(path.join(gitDir, 'HEAD'));
  if (!head) return undefined;
  if (/^[0-9a-f]{40,64}$/.test(head)) return head.slice(0, 12);
  const ref = /^ref:\s*(\S+)$/.exec(head)?.[1];
  if (!ref) return undefined;
  const commonDir = path.resolve(gitDir, readText(path.join(gitDir, 'commondir')) ?? '.');
  for (const dir of [gitDir, commonDir]) {
    const loose = readText(path.join(dir, ref));
    if (loose && /^[0-9a-f]{40,64}$/.test(loose)) return loose.slice(0, 12);
  }
  const packed = readText(path.join(commonDir, 'packed-refs'));
  const line = packed?.split('\n').find((l) => l.endsWith(` ${ref}`));
  return line ? line.slice(0, 12) : undefined;
}

/** The name of the release folder `dir` resolves to, when it is one (`…/releases/<id>`). */
function releaseFolder(dir: string): string | undefined {
  try {
    const real = realpathSync(dir);
    return path.basename(path.dirname(real)) === 'releases' ? clean(path.basename(real)) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A function answering the running release's id. The Git commit is read once (the code does not
 * change under a running process); the release folder on every call (a publish switches it live).
 */
export function releaseId({
  env = process.env,
  dataDir,
  distDir,
  root,
}: {
  env?: Record<string, string | undefined>;
  dataDir: string;
  distDir: string;
  root: string;
}): () => string {
  const fixed = clean(env.RELEASE_ID);
  const commit = fixed ? undefined : gitCommit(root);
  const current = path.join(releasesDirIn(dataDir), currentLink);
  return () => fixed ?? (existsSync(current) ? releaseFolder(current) : undefined) ?? releaseFolder(distDir) ?? commit ?? 'dev';
}
