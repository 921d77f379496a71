import { describe, expect, it } from 'vitest';
import { astroPhases, parseAstroDuration, phaseBreakdown, phasesPerExtraPage, postbuildPhases } from '../../scripts/bench/buildPhases.ts';
import { referenceSiteFiles } from '../../scripts/bench/referenceBuild.ts';
import { evaluateBudgets } from '../../scripts/bench/evaluateBudgets.ts';
import { msPerExtraPage } from '../../scripts/bench/measureBuildScaling.ts';

// What `astro build` printed for this project (colour off), shortened.
const astroLog = `19:36:56 [build] output: "static"
\u001b[2m19:36:56\u001b[22m \u001b[34m[build]\u001b[39m Collecting build info...
19:36:56 [build] ✓ Completed in 3.94s.
19:37:02 [build] Building server entrypoints...
19:37:10 [vite] ✓ built in 7.87s
19:37:16 [vite] ✓ built in 6.45s
19:37:29 [vite] ✓ built in 1m 13.21s

 prerendering static routes
19:37:31   ├─ /404.html (+70ms)
19:37:45 ✓ Completed in 15.19s.

 generating optimized images
19:37:45   ▶ /_astro/amina.Bk0Ve8wJ_1kPTb5.webp (before: 4kB, after: 1kB) (+60ms) (28/52)
19:37:45 ✓ Completed in 22ms.
19:37:45 [build] Rearranging server assets...
19:37:45 [build] ✓ Completed in 43.37s.
19:37:45 [build] Server built in 1m 52.77s
19:37:45 [build] Complete!`;

describe('the build breakdown read from the build logs', () => {
  it('reads Astro’s durations in minutes, seconds and milliseconds', () => {
    expect(parseAstroDuration('1m 29s')).toBe(89_000);
    expect(parseAstroDuration('15.19s')).toBe(15_190);
    expect(parseAstroDuration('22ms')).toBe(22);
    expect(parseAstroDuration('2m')).toBe(120_000);
    expect(parseAstroDuration('soon')).toBeNull();
  });

  it('finds each of Astro’s phases, and not the completion line of another phase', () => {
    expect(astroPhases(astroLog)).toEqual({
      setupMs: 3940,
      bundleMs: 7870 + 6450 + 73_210,
      prerenderMs: 15_190,
      imagesMs: 22,
      totalMs: 112_770,
    });
    // A static site without an adapter says "N page(s) built in".
    expect(astroPhases('12:00:00 [build] 7 page(s) built in 2.50s').totalMs).toBe(2500);
  });

  it('reads the postbuild’s timing line, and says when there is none', () => {
    expect(postbuildPhases('postbuild: …\npostbuild timings: Pagefind 1234 ms, precompression 567 ms\n')).toEqual({
      pagefindMs: 1234,
      precompressMs: 567,
    });
    expect(postbuildPhases('postbuild: an older postbuild')).toEqual({ pagefindMs: null, precompressMs: null });
  });

  it('lists the phases in build order; the rest rows make them add up to the wall time', () => {
    const t = {
      astroMs: 120_000,
      postbuildMs: 10_000,
      phases: { ...astroPhases(astroLog), pagefindMs: 4000, precompressMs: 5000, flyersMs: 30_000 },
    };
    const rows = phaseBreakdown(t);
    expect(rows.map((r) => r.phase)).toEqual([
      'astro: build info, content sync',
      'astro: Vite bundles',
      'astro: prerendering pages',
      'astro: optimized images',
      'astro: rest (start-up, sitemap, …)',
      'postbuild: Pagefind',
      'postbuild: precompression',
      'postbuild: rest (_headers, fonts, …)',
      'flyers (PDFs, not in build:site)',
    ]);
    const inBuild = rows.slice(0, 8).reduce((n, r) => n + (r.ms ?? 0), 0);
    expect(inBuild).toBe(130_000);
    expect(rows[7]?.ms).toBe(1000);
    expect(rows[8]?.ms).toBe(30_000);
  });

  it('leaves a phase empty where the log did not report it', () => {
    const rows = phaseBreakdown({ astroMs: 5000, postbuildMs: 0 });
    expect(rows.every((r) => r.ms === null)).toBe(true);
  });

  it('divides each phase’s growth by the extra pages between the smallest and largest build', () => {
    const build = (pages: number, prerenderMs: number, precompressMs: number) => ({
      label: `${pages}`,
      meetings: pages,
      pages,
      astroMs: 10_000 + prerenderMs,
      postbuildMs: 1000 + precompressMs,
      totalMs: 11_000 + prerenderMs + precompressMs,
      cpuMs: null,
      phases: { setupMs: 1000, bundleMs: 8000, prerenderMs, imagesMs: 0, totalMs: null, pagefindMs: 500, precompressMs },
    });
    const perPage = phasesPerExtraPage([build(1100, 22_000, 11_000), build(100, 2000, 1000)])!;
    expect(perPage[2]).toBe(20); // prerendering
    expect(perPage[6]).toBe(10); // precompression
    expect(perPage[1]).toBe(0); // the bundles do not grow
    expect(perPage[8]).toBeNull(); // no flyers in the copies
    expect(phasesPerExtraPage([build(100, 2000, 1000)])).toBeNull();
  });
});

describe('the CPU time of astro build on its own', () => {
  it('is divided by the extra pages like the rest, and missing where a build did not measure it', () => {
    const t = (pages: number, cpuMs: number, astroCpuMs: number | null) => ({
      label: `${pages}`,
      meetings: 0,
      pages,
      astroMs: cpuMs,
      postbuildMs: 0,
      totalMs: cpuMs,
      cpuMs,
      astroCpuMs,
    });
    expect(msPerExtraPage([t(100, 3000, 1000), t(1100, 33_000, 16_000)])).toMatchObject({ cpuMs: 30, astroCpuMs: 15 });
    expect(msPerExtraPage([t(100, 3000, null), t(1100, 33_000, 16_000)])?.astroCpuMs).toBeNull();
  });
});

describe('the reference build', () => {
  it('is a plain Astro MDX site with exactly as many pages as asked for', () => {
    const files = referenceSiteFiles(250);
    expect([...files.keys()].filter((f) => f.endsWith('.mdx'))).toHaveLength(250);
    expect(files.get('astro.config.mjs')).toContain('@astrojs/mdx');
    expect(files.get('astro.config.mjs')).not.toContain('adapter');
    expect(files.get('src/pages/[slug].astro')).toContain("getCollection('pages')");
  });
});

describe('the build budget: an extra page costs at most 1.5 × the reference’s', () => {
  const scaling = (meetings: number) => [{ meetings: 100 }, { meetings }];
  const judge = (ours: number, reference: number, meetings = 1000) =>
    evaluateBudgets({
      weights: [],
      lighthouse: null,
      form: null,
      scaling: scaling(meetings),
      msPerExtraPage: { totalMs: ours },
      referencePerPage: { totalMs: reference },
    }).find((b) => b.id === 'buildVsReference')!;

  it('passes at exactly 1.5 × and fails just above', () => {
    expect(judge(15, 10)).toMatchObject({ pass: true, figure: '1.50 × (15.0 ms per extra page, reference 10.0 ms)' });
    expect(judge(15.1, 10)).toMatchObject({ pass: false });
    expect(judge(15.1, 10).failures).toHaveLength(1);
  });

  it('shows the CPU time beside the wall time', () => {
    const result = evaluateBudgets({
      weights: [],
      lighthouse: null,
      form: null,
      scaling: scaling(1000),
      msPerExtraPage: { totalMs: 30, cpuMs: 36 },
      referencePerPage: { totalMs: 10, cpuMs: 12 },
    }).find((b) => b.id === 'buildVsReference');
    expect(result?.figure).toBe('3.00 × (30.0 ms per extra page, reference 10.0 ms; CPU 36.0 against 12.0 ms, 3.00 ×)');
  });

  it('is not judged without a 1000-meeting build or without a reference', () => {
    expect(judge(5, 10, 300)).toMatchObject({ pass: null });
    expect(judge(5, 10, 300).figure).toContain('1000 meetings');
    const noReference = evaluateBudgets({
      weights: [],
      lighthouse: null,
      form: null,
      scaling: scaling(1000),
      msPerExtraPage: { totalMs: 5 },
      referencePerPage: null,
    }).find((b) => b.id === 'buildVsReference');
    expect(noReference).toMatchObject({ pass: null, figure: 'no reference build in this run' });
  });
});
