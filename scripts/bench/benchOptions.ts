/** The bench's command line, read once into plain values. */
import { parseArgs } from 'node:util';
import { quietCpuIndex } from './evaluateBudgets.ts';

/** The sections a run can measure (--skip takes a comma list of them). */
export const sections = ['weight', 'lighthouse', 'form', 'inbox', 'scaling', 'voice'] as const;

export interface BenchOptions {
  /** sections not measured in this run */
  skip: Set<string>;
  /** measure the existing dist/ instead of building */
  noBuild: boolean;
  /** meeting totals for the build-scaling copies */
  meetings: number[];
  lighthouseLangs: string[];
  /** page types Lighthouse measures (empty: every type) */
  lighthouseTypes: string[];
  /** runs per page; the median run is reported */
  lighthouseRuns: number;
  /** Lighthouse's CPU index of this machine when quiet: a run below half of it is marked noisy */
  quietCpuIndex: number;
  /** valid posts for the form receiver's load test */
  posts: number;
  /** write the figures into docs/performance.md */
  readme: boolean;
  /** take skipped sections from the previous run */
  keep: boolean;
}

/** The options from `argv`, the arguments after the script's name. */
export function parseBenchArgs(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      skip: { type: 'string', default: '' },
      'no-build': { type: 'boolean', default: false },
      meetings: { type: 'string', default: '100,1000' },
      'lighthouse-langs': { type: 'string', default: 'da,en,ar,tr,ur,so,fa' },
      'lighthouse-types': { type: 'string', default: '' },
      posts: { type: 'string', default: '3000' },
      'lighthouse-runs': { type: 'string', default: '3' },
      'quiet-cpu-index': { type: 'string', default: String(quietCpuIndex) },
      readme: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
    },
  });
  const skip = new Set(values.skip.split(',').filter(Boolean));
  const unknown = [...skip].filter((s) => !(sections as readonly string[]).includes(s));
  if (unknown.length) throw new Error(`--skip: unknown section(s) ${unknown.join(', ')}; the sections are ${sections.join(', ')}`);
  return {
    skip,
    noBuild: values['no-build'],
    meetings: values.meetings
      .split(',')
      .map(Number)
      .filter((n) => n > 0),
    lighthouseLangs: values['lighthouse-langs'].split(',').filter(Boolean),
    lighthouseTypes: values['lighthouse-types'].split(',').filter(Boolean),
    lighthouseRuns: Number(values['lighthouse-runs']),
    quietCpuIndex: Number(values['quiet-cpu-index']),
    posts: Number(values.posts),
    readme: values.readme,
    keep: values.keep,
  };
}
