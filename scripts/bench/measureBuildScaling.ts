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
 * @typedef {object} BuildTiming
 * @property {string} label
 * @property {number} meetings     meeting files in content/meetings
 * @property {number} pages        HTML pages built
 * @property {number} astroMs      `astro build`
 * @property {number} postbuildMs  Pagefind + _headers + precompression
 * @property {number} totalMs
 * @property {number | null} cpuMs  CPU time (user + system) of the build's processes, null off Linux:
 *   on a shared machine wall time grows with other people's work, CPU time hardly does
 * @property {number | null} [astroCpuMs]  the CPU time of `astro build` alone
 * @property {BuildPhases} [phases]  where the time went, from the build's own log
 * @property {string} [error]
 */

/**
 * @typedef {import('./buildPhases.ts').AstroPhases & ReturnType<typeof postbuildPhases> & { flyersMs?: number | null }} BuildPhases
 */

/**
 * CPU time of this process's finished children (cutime + cstime in /proc/self/stat), in ms;
 * null where there is no /proc. Read before and after a spawnSync to get that child's CPU.
 */
export function childrenCpuMs() {
  try {
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    // Fields after the ")" that closes the command name; cutime and cstime are fields 16 and 17.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

/**
 * Runs the project's build (`astro build`, then scripts/postbuild.ts) in `dir` with this Node.
 * @param {string} dir a project directory (the real one or a copy)
 * @param {string} label
 * @param {{ flyers?: boolean }} [o] also make the flyer PDFs (scripts/flyers.ts; skipped without Chromium)
 * @returns {BuildTiming}
 */
export function timeBuild(dir, label, { flyers = false } = {}) {
  const env = { ...process.env, FORCE_COLOR: '0', ASTRO_TELEMETRY_DISABLED: '1' };
  const run = (/** @type {string[]} */ args) => {
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
 * @param {string} root
 */
export function copyProject(root) {
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
 * made from a real meeting file) and times them.
 * @param {string} root the project
 * @param {number[]} totals e.g. [100, 1000]
 * @param {(t: BuildTiming) => void} [onResult]
 * @returns {{ timings: BuildTiming[], references: BuildTiming[], skipped?: string }}
 */
export function measureBuildScaling(root, totals, onResult) {
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
  /** @type {BuildTiming[]} */
  const timings = [];
  /** @type {BuildTiming[]} */
  const references = [];
  for (const total of totals) {
    const dir = copyProject(root);
    try {
      const extra = syntheticMeetings(template.data, Math.max(0, total - real));
      for (const m of extra) fs.writeFileSync(path.join(dir, 'content', 'meetings', `${m.id}.yaml`), m.yaml);
      /** @type {BuildTiming} */
      let timing;
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
          error: /** @type {Error} */ (error).message,
        };
      }
      timings.push(timing);
      onResult?.(timing);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const pages = timings.at(-1)?.pages ?? 0;
    if (pages > 0) {
      /** @type {BuildTiming} */
      let reference;
      try {
        reference = timeReferenceBuild(root, pages);
      } catch (error) {
        const e = /** @type {Error} */ (error).message;
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

/**
 * @typedef {{ from: string, to: string, extraPages: number, astroMs: number, postbuildMs: number, totalMs: number,
 *   cpuMs: number | null, astroCpuMs?: number | null }} PerExtraPage
 */

/**
 * Milliseconds each extra page costs between the smallest and the largest build.
 * @param {BuildTiming[]} timings
 * @returns {PerExtraPage | null}
 */
export function msPerExtraPage(timings) {
  const ok = timings.filter((t) => !t.error && t.pages > 0).sort((a, b) => a.pages - b.pages);
  if (ok.length < 2) return null;
  const small = ok[0];
  const large = ok[ok.length - 1];
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
