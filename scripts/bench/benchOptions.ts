/** The bench's command line, read once into plain values. */
import { parseArgs } from 'node:util';

/** The sections a run can measure (--skip takes a comma list of them). */
export const sections = /** @type {const} */ (['weight', 'lighthouse', 'form', 'inbox', 'scaling', 'voice']);

/**
 * @typedef {object} BenchOptions
 * @property {Set<string>} skip            sections not measured in this run
 * @property {boolean} noBuild             measure the existing dist/ instead of building
 * @property {number[]} meetings           meeting totals for the build-scaling copies
 * @property {string[]} lighthouseLangs
 * @property {number} lighthouseRuns       runs per page; the median run is reported
 * @property {number} posts                valid posts for the form receiver's load test
 * @property {boolean} readme              write the figures into docs/performance.md
 * @property {boolean} keep                take skipped sections from the previous run
 */

/**
 * @param {string[]} argv the arguments after the script's name
 * @returns {BenchOptions}
 */
export function parseBenchArgs(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      skip: { type: 'string', default: '' },
      'no-build': { type: 'boolean', default: false },
      meetings: { type: 'string', default: '100,1000' },
      'lighthouse-langs': { type: 'string', default: 'da,en,ar,tr,ur,so,fa' },
      posts: { type: 'string', default: '3000' },
      'lighthouse-runs': { type: 'string', default: '1' },
      readme: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
    },
  });
  const skip = new Set(values.skip.split(',').filter(Boolean));
  const unknown = [...skip].filter((s) => !(/** @type {readonly string[]} */ (sections).includes(s)));
  if (unknown.length) throw new Error(`--skip: unknown section(s) ${unknown.join(', ')}; the sections are ${sections.join(', ')}`);
  return {
    skip,
    noBuild: values['no-build'],
    meetings: values.meetings
      .split(',')
      .map(Number)
      .filter((n) => n > 0),
    lighthouseLangs: values['lighthouse-langs'].split(',').filter(Boolean),
    lighthouseRuns: Number(values['lighthouse-runs']),
    posts: Number(values.posts),
    readme: values.readme,
    keep: values.keep,
  };
}
