/**
 * Per-client rate limits (the public forms, the staff sign-in and invites, /r/), in memory (one
 * server process). A client is counted under the address ./clientAddress.ts gives: the TCP peer,
 * or behind TRUST_PROXY the address our own proxy saw.
 */
import { isIPv6 } from 'node:net';
import { clientAddress } from './clientAddress.ts';

/** The key a client is counted under: her address (./clientAddress.ts), an IPv6 one as its /64. */
export function clientKey(request: Parameters<typeof clientAddress>[0]): string {
  const address = clientAddress(request);
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
