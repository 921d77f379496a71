/** The report one bench run fills in, and how it takes over sections from the previous run (--keep). */
import os from 'node:os';

/**
 * @typedef {import('./runLighthouse.ts').LighthouseResult & { type: string, lang: string }} LighthouseRow
 * @typedef {import('./measureBuildScaling.ts').BuildTiming} BuildTiming
 */

/**
 * @typedef {object} BenchReport
 * @property {string} date  ISO time the run began
 * @property {{ cpus: number, cpuModel: string, memoryGiB: number, loadAverageAtStart: number[], loadAverageAtEnd: number[],
 *   platform: string, node: string, chromium: string, lighthouse: string }} machine
 * @property {BuildTiming | null} build  the in-place build of the real content
 * @property {Record<string, string | null>} pageTypes  page type → path after /<lang>/, null when not built
 * @property {import('./evaluateBudgets.ts').WeightRow[]} weights
 * @property {string} [weightsSkipped]
 * @property {LighthouseRow[] | null} lighthouse
 * @property {string} [lighthouseSkipped]
 * @property {import('./measureFormReceiver.ts').FormLoadResult | null} form
 * @property {string} [formSkipped]
 * @property {import('./measureInboxList.ts').InboxListResult | null} inbox  the staff inbox's list with 5,000 requests
 * @property {string} [inboxSkipped]
 * @property {BuildTiming[]} scaling
 * @property {string} [scalingSkipped]
 * @property {ReturnType<typeof import('./measureBuildScaling.ts').msPerExtraPage>} msPerExtraPage
 * @property {BuildTiming[]} reference  the plain Astro MDX site, one build per scaling copy (same pages)
 * @property {ReturnType<typeof import('./measureBuildScaling.ts').msPerExtraPage>} referencePerPage
 * @property {import('./measureVoice.ts').VoiceRow[] | null} voice  bytes per minute of speech per audio format
 * @property {string} [voiceSkipped]
 * @property {import('./evaluateBudgets.ts').BudgetResult[]} budgets
 * @property {Record<string, string>} kept  sections taken over from an earlier run (--keep): section → that run's date and load
 * @property {number} durationS
 */

/** @returns {number[]} */
const loadAverage = () => os.loadavg().map((n) => Number(n.toFixed(2)));

/**
 * An empty report for a run starting now, with the machine it runs on.
 * @param {Date} [now]
 * @returns {BenchReport}
 */
export function newReport(now = new Date()) {
  return {
    date: now.toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      // Other work on a shared machine slows Lighthouse's CPU-bound figures (TBT, LCP): keep the load with them.
      loadAverageAtStart: loadAverage(),
      loadAverageAtEnd: [],
      platform: `${os.type()} ${os.release()}`,
      node: process.versions.node,
      chromium: '',
      lighthouse: '',
    },
    build: null,
    pageTypes: {},
    weights: [],
    lighthouse: null,
    form: null,
    inbox: null,
    scaling: [],
    msPerExtraPage: null,
    reference: [],
    referencePerPage: null,
    voice: null,
    budgets: [],
    kept: {},
    durationS: 0,
  };
}

/** Notes the load average at the end of the run. @param {BenchReport} report */
export function noteLoadAtEnd(report) {
  report.machine.loadAverageAtEnd = loadAverage();
}

/**
 * Fills the sections this run did not measure with the previous run's figures, and notes where
 * each came from (a section kept twice keeps its first origin). Only skipped sections are taken
 * over; a section that was measured now, or that the previous run lacks, stays as it is.
 * @param {BenchReport} report  this run (changed in place and returned)
 * @param {Partial<BenchReport>} previous  the previous bench-results/latest.json
 * @param {Set<string>} skip  the sections skipped in this run
 * @returns {BenchReport}
 */
export function keepPrevious(report, previous, skip) {
  const when = `${String(previous.date).slice(0, 16).replace('T', ' ')} UTC`;
  const from = `${when}, load average ${previous.machine?.loadAverageAtStart?.[0] ?? '?'}`;
  const keep = (/** @type {string} */ section) => (report.kept[section] = previous.kept?.[section] ?? from);
  if (!report.build && previous.build) {
    report.build = previous.build;
    keep('build');
  }
  if (skip.has('weight') && previous.weights?.length) {
    report.weights = previous.weights;
    report.weightsSkipped = undefined;
    keep('weight');
  }
  if (skip.has('lighthouse') && previous.lighthouse) {
    report.lighthouse = previous.lighthouse;
    report.lighthouseSkipped = undefined;
    keep('lighthouse');
  }
  if (skip.has('form') && previous.form) {
    report.form = previous.form;
    report.formSkipped = undefined;
    keep('form');
  }
  if (skip.has('inbox') && previous.inbox) {
    report.inbox = previous.inbox;
    report.inboxSkipped = undefined;
    keep('inbox');
  }
  if (skip.has('scaling') && previous.scaling?.length) {
    report.scaling = previous.scaling;
    report.msPerExtraPage = previous.msPerExtraPage ?? null;
    report.reference = previous.reference ?? [];
    report.referencePerPage = previous.referencePerPage ?? null;
    report.scalingSkipped = undefined;
    keep('scaling');
  }
  return report;
}
