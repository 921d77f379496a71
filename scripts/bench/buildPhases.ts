/**
 * Where a build's time goes, read from the logs the build prints anyway (no instrumentation of
 * Astro itself): Astro's own phase timings and the postbuild's timing line (scripts/postbuild.ts).
 */
import type { AstroPhases, BuildPhases, BuildTiming, PostbuildPhases } from './buildTiming.ts';

/**
 * Astro's durations as it prints them ("1m 29s", "15.19s", "22ms", "2m"), in milliseconds.
 */
export function parseAstroDuration(text: string): number | null {
  const m = /^\s*(?:(\d+)m)?\s*(?:([\d.]+)s)?\s*(?:([\d.]+)ms)?\s*$/.exec(text);
  if (!m || (m[1] == null && m[2] == null && m[3] == null)) return null;
  return Math.round(Number(m[1] ?? 0) * 60_000 + Number(m[2] ?? 0) * 1000 + Number(m[3] ?? 0));
}

/** Astro's phase timings from the log of `astro build`. */
export function astroPhases(log: string): AstroPhases {
  // Astro colours its log even with FORCE_COLOR=0.
  // eslint-disable-next-line no-control-regex -- the escape character is what is being removed
  const lines = log.replace(/\x1b\[[0-9;]*m/g, '').split('\n');
  const phases: AstroPhases = { setupMs: null, bundleMs: null, prerenderMs: null, imagesMs: null, totalMs: null };
  let open: 'setupMs' | 'prerenderMs' | 'imagesMs' | null = null;
  for (const line of lines) {
    if (/Collecting build info/.test(line)) open = 'setupMs';
    else if (/(prerendering|generating) static routes/.test(line)) open = 'prerenderMs';
    else if (/generating optimized images/.test(line)) open = 'imagesMs';
    const built = /✓ built in (.+?)\s*$/.exec(line);
    if (built) phases.bundleMs = (phases.bundleMs ?? 0) + (parseAstroDuration(built[1] ?? '') ?? 0);
    const completed = /✓ Completed in (.+?)\.?\s*$/.exec(line);
    if (completed && open) {
      phases[open] = parseAstroDuration(completed[1] ?? '');
      open = null;
    }
    const total = /(?:Server built|page\(s\) built) in (.+?)\s*$/.exec(line);
    if (total) phases.totalMs = parseAstroDuration(total[1] ?? '');
  }
  return phases;
}

/** The postbuild's own timing line ("postbuild timings: Pagefind 1234 ms, precompression 567 ms"). */
export function postbuildPhases(log: string): PostbuildPhases {
  const m = /postbuild timings: Pagefind (\d+) ms, precompression (\d+) ms/.exec(log);
  return { pagefindMs: m ? Number(m[1]) : null, precompressMs: m ? Number(m[2]) : null };
}

/**
 * One build's time by phase, in the order they run; "rest" rows take what the named phases leave of
 * `astro build` and of the postbuild (start-up, sitemap, _headers, work added later), so the rows add
 * up to the build's wall time (flyers come on top: they are not part of `build:site`).
 */
export function phaseBreakdown(t: {
  astroMs: number;
  postbuildMs: number;
  phases?: Partial<BuildPhases>;
}): { phase: string; ms: number | null }[] {
  const p = t.phases ?? {};
  const rest = (whole: number, parts: (number | null | undefined)[]) =>
    parts.every((x) => x == null) ? null : whole - parts.reduce((n: number, x) => n + (x ?? 0), 0);
  const astroParts = [p.setupMs, p.bundleMs, p.prerenderMs, p.imagesMs];
  const postParts = [p.pagefindMs, p.precompressMs];
  return [
    { phase: 'astro: build info, content sync', ms: p.setupMs ?? null },
    { phase: 'astro: Vite bundles', ms: p.bundleMs ?? null },
    { phase: 'astro: prerendering pages', ms: p.prerenderMs ?? null },
    { phase: 'astro: optimized images', ms: p.imagesMs ?? null },
    { phase: 'astro: rest (start-up, sitemap, …)', ms: rest(t.astroMs, astroParts) },
    { phase: 'postbuild: Pagefind', ms: p.pagefindMs ?? null },
    { phase: 'postbuild: precompression', ms: p.precompressMs ?? null },
    { phase: 'postbuild: rest (_headers, fonts, …)', ms: rest(t.postbuildMs, postParts) },
    { phase: 'flyers (PDFs, not in build:site)', ms: p.flyersMs ?? null },
  ];
}

/**
 * What one extra page costs in each phase (ms, in phaseBreakdown()'s order) between the smallest and
 * the largest of `timings`; null without two successful builds of different size.
 */
export function phasesPerExtraPage(timings: BuildTiming[]): (number | null)[] | null {
  const ok = timings.filter((t) => !t.error && t.pages > 0).sort((a, b) => a.pages - b.pages);
  const small = ok[0];
  const large = ok.at(-1);
  if (!small || !large || large.pages === small.pages) return null;
  const before = phaseBreakdown(small);
  return phaseBreakdown(large).map((r, i) => {
    const s = before[i]?.ms;
    return r.ms == null || s == null ? null : (r.ms - s) / (large.pages - small.pages);
  });
}
