/**
 * Per-client rate limit for the public forms (and the staff sign-in), in memory (one server process).
 * The client is the TCP peer. X-Forwarded-For is believed only when a trusted proxy is
 * configured (env TRUST_PROXY = how many proxies sit in front), and then only the entry that
 * our own proxy appended: earlier entries are whatever the client chose to send.
 */
import { isIPv6 } from 'node:net';

/**
 * How many proxies in front of the server to trust: env TRUST_PROXY ("1", "2", or "true" = 1).
 */
export function trustedProxyHops(value: string | undefined = process.env.TRUST_PROXY): number {
  if (!value || value === '0' || value.toLowerCase() === 'false') return 0;
  if (value.toLowerCase() === 'true') return 1;
  const hops = Number.parseInt(value, 10);
  return Number.isFinite(hops) && hops > 0 ? hops : 0;
}

/** The key a client is counted under. */
export function clientKey({
  remoteAddress,
  forwardedFor,
  trustProxyHops = 0,
}: {
  remoteAddress?: string | undefined;
  forwardedFor?: string | string[] | null;
  trustProxyHops?: number;
}): string {
  let address = remoteAddress ?? 'unknown';
  if (trustProxyHops > 0 && forwardedFor) {
    const chain = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    // With N trusted proxies, the client is the N-th address from the end of the chain.
    const candidate = chain[chain.length - trustProxyHops];
    if (candidate) address = candidate;
  }
  address = address.replace(/^::ffff:/, '');
  // One IPv6 subscriber holds a whole /64: count the prefix, or a new address gets round the limit.
  if (isIPv6(address)) {
    const groups = expandIPv6(address);
    if (groups) return `${groups.slice(0, 4).join(':')}::/64`;
  }
  return address;
}

function expandIPv6(address: string): string[] | undefined {
  const [head, tail] = address.split('::');
  const h = head ? head.split(':') : [];
  const t = tail !== undefined && tail !== '' ? tail.split(':') : [];
  if (address.includes('.')) return undefined;
  const missing = 8 - h.length - t.length;
  if (tail === undefined && h.length !== 8) return undefined;
  const groups = [...h, ...Array(tail === undefined ? 0 : missing).fill('0'), ...t];
  return groups.length === 8 ? groups.map((g) => g.toLowerCase().padStart(4, '0')) : undefined;
}

/**
 * A sliding-window limiter: at most `max` hits per `windowMs` per key.
 */
export function createRateLimiter({ max, windowMs, maxKeys = 10_000 }: { max: number; windowMs: number; maxKeys?: number }) {
  const hits = new Map<string, number[]>();

  /** Forgets windows that have passed, so memory stays bounded under a flood of addresses. */
  function prune(now: number) {
    for (const [key, times] of hits) {
      if ((times[times.length - 1] ?? 0) <= now - windowMs) hits.delete(key);
    }
  }

  return {
    /** Counts one attempt; `allowed` is false once the client is over the limit. */
    hit(key: string, now = Date.now()): { allowed: boolean; retryAfterSeconds: number } {
      if (max <= 0) return { allowed: true, retryAfterSeconds: 0 };
      const recent = (hits.get(key) ?? []).filter((t) => t > now - windowMs);
      if (recent.length >= max) {
        hits.set(key, recent);
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((recent[0]! + windowMs - now) / 1000)) };
      }
      recent.push(now);
      hits.delete(key);
      hits.set(key, recent);
      if (hits.size > maxKeys) {
        prune(now);
        // Still too many live keys: drop the oldest-touched ones (Map keeps insertion order).
        for (const oldest of hits.keys()) {
          if (hits.size <= maxKeys) break;
          hits.delete(oldest);
        }
      }
      return { allowed: true, retryAfterSeconds: 0 };
    },
    /** Number of clients being tracked (for tests). */
    size(): number {
      return hits.size;
    },
  };
}
