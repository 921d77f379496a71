/**
 * Build time and how it grows with content: `astro build` and the postbuild step (Pagefind,
 * _headers, precompression) timed separately, in place for the real content, and in
 * throw-away copies of the project with N meetings for the scaling figures. Each phase's share
 * is read from the build's own log (./buildPhases.ts), and every copy is followed by a plain
 * Astro MDX site with the same number of pages (./referenceBuild.ts), built in the same run.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { builtPages } from '../lib/builtPages.ts';
import { readMeetingTemplate, syntheticMeetings } from './syntheticMeetings.ts';
import { astroPhases, postbuildPhases } from './buildPhases.ts';
import { childrenCpuMs, type BuildTiming, type PerExtraPage } from './buildTiming.ts';
import { timeReferenceBuild } from './referenceBuild.ts';

/** What a copy of the project leaves out: build output, caches, local data, git. */
const notCopied = new Set([
  'node_modules',
  'dist',
  '.astro',
  '.git',
  'data',
  'bench-results',
  'test-results',
  'playwright-report',
  'shots',
]);
/** Caches inside node_modules that a copy must not share with the real project. */
const privateCaches = new Set(['.astro', '.vite', '.cache']);

/**
 * Runs the project's build (`astro build`, then scripts/postbuild.ts) in `dir` (a project
 * directory: the real one or a copy) with this Node. `flyers` also makes the flyer PDFs
 * (scripts/flyers.ts; skipped without Chromium).
 */
export function timeBuild(dir: string, label: string, { flyers = false }: { flyers?: boolean } = {}): BuildTiming {
  const env = { ...process.env, FORCE_COLOR: '0', ASTRO_TELEMETRY_DISABLED: '1' };
  const run = (args: string[]) => {
    const started = performance.now();
    const result = spawnSync(process.execPath, args, {
      cwd: dir,
      env,
      encoding: 'utf8',
      timeout: 15 * 60_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    const ms = Math.round(performance.now() - started);
    if (result.status !== 0) {
      const tail = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-15).join('\n');
      throw new Error(`${args.join(' ')} failed in ${dir} (exit ${result.status ?? result.signal}):\n${tail}`);
    }
    return { ms, log: `${result.stdout}\n${result.stderr}` };
  };
  const meetingsDir = path.join(dir, 'content', 'meetings');
  const meetings = fs.existsSync(meetingsDir) ? fs.readdirSync(meetingsDir).filter((f) => /\.ya?ml$/.test(f)).length : 0;
  fs.rmSync(path.join(dir, 'dist'), { recursive: true, force: true });
  const cpuBefore = childrenCpuMs();
  const astro = run([path.join(dir, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build']);
  const cpuBetween = childrenCpuMs();
  const postbuild = run([path.join(dir, 'scripts', 'postbuild.ts')]);
  const cpuAfter = childrenCpuMs();
  const cpuMs = cpuBefore === null || cpuAfter === null ? null : Math.round(cpuAfter - cpuBefore);
  const astroMs = astro.ms;
  const postbuildMs = postbuild.ms;
  // The flyers are not part of `npm run build:site` (nor of its wall or CPU time): timed on their own.
  const flyersMs = flyers ? run([path.join(dir, 'scripts', 'flyers.ts'), '--optional']).ms : undefined;
  return {
    label,
    meetings,
    pages: builtPages(path.join(dir, 'dist', 'client'), { withAdmin: true }).length,
    astroMs,
    postbuildMs,
    totalMs: astroMs + postbuildMs,
    cpuMs,
    astroCpuMs: cpuBefore === null || cpuBetween === null ? null : Math.round(cpuBetween - cpuBefore),
    phases: { ...astroPhases(astro.log), ...postbuildPhases(postbuild.log), ...(flyers ? { flyersMs } : {}) },
  };
}

/**
 * A throw-away copy of the project at `root` whose node_modules links to the real packages
 * but keeps its own build caches.
 */
export function copyProject(root: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aaben-doer-bench-'));
  for (const entry of fs.readdirSync(root)) {
    if (notCopied.has(entry)) continue;
    fs.cpSync(path.join(root, entry), path.join(dir, entry), { recursive: true });
  }
  fs.mkdirSync(path.join(dir, 'node_modules'));
  for (const entry of fs.readdirSync(path.join(root, 'node_modules'))) {
    if (privateCaches.has(entry)) continue;
    fs.symlinkSync(path.join(root, 'node_modules', entry), path.join(dir, 'node_modules', entry));
  }
  return dir;
}

/**
 * Builds copies of the project with `total` meetings each (the real ones plus synthetic ones
 * made from a real meeting file) and times them. `totals` are the meeting counts, e.g. [100, 1000].
 */
export function measureBuildScaling(
  root: string,
  totals: number[],
  onResult?: (t: BuildTiming) => void,
): { timings: BuildTiming[]; references: BuildTiming[]; skipped?: string } {
  const meetingsDir = path.join(root, 'content', 'meetings');
  const template = readMeetingTemplate(meetingsDir);
  if (!template) {
    return {
      timings: [],
      references: [],
      skipped: 'content/meetings/ has no meeting file yet (the meetings collection has not landed): nothing to copy as a template',
    };
  }
  const real = fs.readdirSync(meetingsDir).filter((f) => /\.ya?ml$/.test(f)).length;
  const timings: BuildTiming[] = [];
  const references: BuildTiming[] = [];
  for (const total of totals) {
    const dir = copyProject(root);
    try {
      const extra = syntheticMeetings(template.data, Math.max(0, total - real));
      for (const m of extra) fs.writeFileSync(path.join(dir, 'content', 'meetings', `${m.id}.yaml`), m.yaml);
      let timing: BuildTiming;
      try {
        timing = timeBuild(dir, `${total} meetings (copy)`);
      } catch (error) {
        timing = {
          label: `${total} meetings (copy)`,
          meetings: total,
          pages: 0,
          astroMs: 0,
          postbuildMs: 0,
          totalMs: 0,
          cpuMs: null,
          error: (error as Error).message,
        };
      }
      timings.push(timing);
      onResult?.(timing);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const pages = timings.at(-1)?.pages ?? 0;
    if (pages > 0) {
      let reference: BuildTiming;
      try {
        reference = timeReferenceBuild(root, pages);
      } catch (error) {
        const e = (error as Error).message;
        reference = {
          label: `reference, ${pages} pages`,
          meetings: 0,
          pages: 0,
          astroMs: 0,
          postbuildMs: 0,
          totalMs: 0,
          cpuMs: null,
          error: e,
        };
      }
      references.push(reference);
      onResult?.(reference);
    }
  }
  return { timings, references };
}

/** Milliseconds each extra page costs between the smallest and the largest build. */
export function msPerExtraPage(timings: BuildTiming[]): PerExtraPage | null {
  const ok = timings.filter((t) => !t.error && t.pages > 0).sort((a, b) => a.pages - b.pages);
  const small = ok[0];
  const large = ok.at(-1);
  if (!small || !large || ok.length < 2) return null;
  if (large.pages === small.pages) return null;
  return {
    from: small.label,
    to: large.label,
    extraPages: large.pages - small.pages,
    astroMs: (large.astroMs - small.astroMs) / (large.pages - small.pages),
    postbuildMs: (large.postbuildMs - small.postbuildMs) / (large.pages - small.pages),
    totalMs: (large.totalMs - small.totalMs) / (large.pages - small.pages),
    cpuMs: large.cpuMs === null || small.cpuMs === null ? null : (large.cpuMs - small.cpuMs) / (large.pages - small.pages),
    astroCpuMs:
      large.astroCpuMs == null || small.astroCpuMs == null ? null : (large.astroCpuMs - small.astroCpuMs) / (large.pages - small.pages),
  };
}
