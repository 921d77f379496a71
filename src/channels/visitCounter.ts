/**
 * The /r/<code> visits, counted in memory and written in batches: a flood of hits is not one
 * database write (and one fsync) each, and one client counts at most `perClient` visits per
 * window, so a script cannot skew the figures. What is kept in memory is the day, the code and a
 * number; the per-client window (src/forms/formRateLimit.ts) lives in memory only and is never
 * written anywhere. The server flushes every `flushMs` and at shutdown.
 */
import { createRateLimiter } from '#src/forms/formRateLimit.ts';
import type { VisitBatchEntry } from '#src/store/channelCounts.ts';
import { dayOf } from './channelCounts.ts';

export interface VisitCounterOptions {
  /** Writes a batch (src/store/channelCounts.ts addVisits). */
  write: (batch: VisitBatchEntry[]) => void;
  /** Counted visits per client per window; more still redirect, uncounted. */
  perClient?: number;
  windowMs?: number;
  /** How often the batch is written; 0 = only by flush(). */
  flushMs?: number;
}

export function createVisitCounter({ write, perClient = 20, windowMs = 60 * 60 * 1000, flushMs = 5000 }: VisitCounterOptions) {
  const limiter = createRateLimiter({ max: perClient, windowMs });
  // Keyed by day and code: its size is bounded by the known codes (unknown ones share one bucket).
  let pending = new Map<string, VisitBatchEntry>();

  function flush(): void {
    if (pending.size === 0) return;
    const batch = [...pending.values()];
    pending = new Map();
    try {
      write(batch);
    } catch (error) {
      // Kept for the next flush: a locked database loses no visit.
      for (const entry of batch) add(entry.day, entry.code, entry.count);
      console.error(`channels: visits could not be written (${(error as { code?: string }).code ?? 'unknown error'})`);
    }
  }

  function add(day: string, code: string, count: number) {
    const key = `${day} ${code}`;
    const entry = pending.get(key);
    if (entry) entry.count += count;
    else pending.set(key, { day, code, count });
  }

  const timer = flushMs > 0 ? setInterval(flush, flushMs) : undefined;
  timer?.unref();

  return {
    /** One GET of /r/<code> by `client` (src/forms/formRateLimit.ts clientKey); true when it counted. */
    count(code: string, client: string, at = new Date()): boolean {
      if (!limiter.hit(client, at.getTime()).allowed) return false;
      add(dayOf(at), code, 1);
      return true;
    },
    /** Writes what is pending now. */
    flush,
    /** Writes what is pending and stops the timer (at shutdown). */
    stop(): void {
      if (timer) clearInterval(timer);
      flush();
    },
  };
}
