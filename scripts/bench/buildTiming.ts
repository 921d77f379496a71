/**
 * What one timed build is (./measureBuildScaling.ts times ours, ./referenceBuild.ts the plain
 * Astro site, ./buildPhases.ts reads where the time went) and how its CPU time is read. The
 * modules that make, read and print timings import it; it imports none of them.
 */
import fs from 'node:fs';

/** Astro's own phase timings, read from the log of `astro build` (./buildPhases.ts). */
export interface AstroPhases {
  /** "Collecting build info": config, content sync, types */
  setupMs: number | null;
  /** the Vite bundles ("✓ built in …", summed) */
  bundleMs: number | null;
  /** "prerendering static routes" */
  prerenderMs: number | null;
  /** "generating optimized images" */
  imagesMs: number | null;
  /** Astro's own total ("Server built in" / "… page(s) built in") */
  totalMs: number | null;
}

/** The postbuild's own timing line (scripts/postbuild.ts). */
export interface PostbuildPhases {
  pagefindMs: number | null;
  precompressMs: number | null;
}

/** Where a build's time went, from the build's own log; the flyers only when they were made. */
export type BuildPhases = AstroPhases & PostbuildPhases & { flyersMs?: number | null };

export interface BuildTiming {
  label: string;
  /** meeting files in content/meetings */
  meetings: number;
  /** HTML pages built */
  pages: number;
  /** `astro build` */
  astroMs: number;
  /** Pagefind + _headers + precompression */
  postbuildMs: number;
  totalMs: number;
  /**
   * CPU time (user + system) of the build's processes, null off Linux: on a shared machine wall
   * time grows with other people's work, CPU time hardly does
   */
  cpuMs: number | null;
  /** the CPU time of `astro build` alone */
  astroCpuMs?: number | null;
  /** where the time went, from the build's own log */
  phases?: Partial<BuildPhases>;
  error?: string;
}

/** What each extra page costs between the smallest and the largest build (ms per page). */
export interface PerExtraPage {
  from: string;
  to: string;
  extraPages: number;
  astroMs: number;
  postbuildMs: number;
  totalMs: number;
  cpuMs: number | null;
  astroCpuMs?: number | null;
}

/**
 * CPU time of this process's finished children (cutime + cstime in /proc/self/stat), in ms;
 * null where there is no /proc. Read before and after a spawnSync to get that child's CPU.
 */
export function childrenCpuMs(): number | null {
  try {
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    // Fields after the ")" that closes the command name; cutime and cstime are fields 16 and 17.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}
