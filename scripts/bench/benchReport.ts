/** The report one bench run fills in, and how it takes over sections from the previous run (--keep). */
import os from 'node:os';
import type { BuildTiming, PerExtraPage } from './buildTiming.ts';
import type { BudgetResult, WeightRow } from './evaluateBudgets.ts';
import type { FormLoadResult } from './measureFormReceiver.ts';
import type { InboxListResult } from './measureInboxList.ts';
import type { VoiceRow } from './measureVoice.ts';
import type { LighthouseRow } from './runLighthouse.ts';
import type { RepeatVisitRow } from './measureRepeatVisit.ts';

export interface BenchReport {
  /** ISO time the run began */
  date: string;
  machine: {
    cpus: number;
    cpuModel: string;
    memoryGiB: number;
    loadAverageAtStart: number[];
    loadAverageAtEnd: number[];
    platform: string;
    node: string;
    chromium: string;
    lighthouse: string;
  };
  /** the in-place build of the real content */
  build: BuildTiming | null;
  /** page type → path after /<lang>/, null when not built */
  pageTypes: Record<string, string | null>;
  weights: WeightRow[];
  weightsSkipped?: string;
  /** a second visit with the offline worker's cache warm, per page */
  repeatVisit?: RepeatVisitRow[];
  lighthouse: LighthouseRow[] | null;
  lighthouseSkipped?: string;
  /** Lighthouse's CPU index of this machine when quiet (--quiet-cpu-index): runs below half of it are noisy */
  quietCpuIndex?: number;
  form: FormLoadResult | null;
  formSkipped?: string;
  /** the staff inbox's list with 5,000 requests */
  inbox: InboxListResult | null;
  inboxSkipped?: string;
  scaling: BuildTiming[];
  scalingSkipped?: string;
  msPerExtraPage: PerExtraPage | null;
  /** the plain Astro MDX site, one build per scaling copy (same pages) */
  reference: BuildTiming[];
  referencePerPage: PerExtraPage | null;
  /** bytes per minute of speech per audio format */
  voice: VoiceRow[] | null;
  voiceSkipped?: string;
  budgets: BudgetResult[];
  /** sections taken over from an earlier run (--keep): section → that run's date and load */
  kept: Record<string, string>;
  durationS: number;
}

const loadAverage = (): number[] => os.loadavg().map((n) => Number(n.toFixed(2)));

/** An empty report for a run starting now, with the machine it runs on. */
export function newReport(now: Date = new Date()): BenchReport {
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

/** Notes the load average at the end of the run. */
export function noteLoadAtEnd(report: BenchReport): void {
  report.machine.loadAverageAtEnd = loadAverage();
}

/**
 * Fills the sections this run did not measure with the previous run's figures, and notes where
 * each came from (a section kept twice keeps its first origin). Only skipped sections are taken
 * over; a section that was measured now, or that the previous run lacks, stays as it is.
 * `report` is this run (changed in place and returned), `previous` the previous
 * bench-results/latest.json, `skip` the sections skipped in this run.
 */
export function keepPrevious(report: BenchReport, previous: Partial<BenchReport>, skip: Set<string>): BenchReport {
  const when = `${String(previous.date).slice(0, 16).replace('T', ' ')} UTC`;
  const from = `${when}, load average ${previous.machine?.loadAverageAtStart?.[0] ?? '?'}`;
  const keep = (section: string) => (report.kept[section] = previous.kept?.[section] ?? from);
  if (!report.build && previous.build) {
    report.build = previous.build;
    keep('build');
  }
  if (skip.has('weight') && previous.weights?.length) {
    report.weights = previous.weights;
    report.weightsSkipped = undefined;
    keep('weight');
  }
  // A section measured in one piece: the previous run's figures, and no "skipped" note.
  for (const key of ['lighthouse', 'form', 'inbox'] as const) {
    if (!skip.has(key) || !previous[key]) continue;
    Object.assign(report, { [key]: previous[key], [`${key}Skipped`]: undefined });
    keep(key);
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
