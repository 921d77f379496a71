/**
 * Who sent a request, and over which scheme: the ONE place that decides how far
 * X-Forwarded-For and X-Forwarded-Proto are believed. Every per-client limit (the forms, the
 * referral, sign-in, invites, /r/) counts `clientAddress()`, and the Origin checks use
 * `requestScheme()`.
 * - `TRUST_PROXY` is how many proxies of ours sit in front of the server. Off (0) by default:
 *   then both headers are ignored, so a client that forges them changes nothing.
 * - Each proxy adds the address it saw at the end of X-Forwarded-For (ours replace the header:
 *   deploy/Caddyfile, deploy/nginx.conf). So the header is read right to left, and only the
 *   entries our own proxies added count: with N proxies, the N-th entry from the end is the
 *   address the outermost one saw. Anything to its left is whatever the client chose to write.
 * docs/operations.md "Trusted proxy" says how to set it.
 */

/** How many proxies in front of the server to trust: env TRUST_PROXY ("1", "2", or "true" = 1). */
export function trustedProxyHops(value: string | undefined = process.env.TRUST_PROXY): number {
  if (!value || value === '0' || value.toLowerCase() === 'false') return 0;
  if (value.toLowerCase() === 'true') return 1;
  const hops = Number.parseInt(value, 10);
  return Number.isFinite(hops) && hops > 0 ? hops : 0;
}

/**
 * The entry of a comma-separated forwarding header that the outermost of our `hops` proxies
 * added, or undefined (no trusted proxy, or no header). A chain shorter than `hops` was written
 * entirely by our proxies (ours replace the header): then its first entry.
 */
export function forwardedEntry(header: string | string[] | null | undefined, hops: number): string | undefined {
  if (hops <= 0 || !header) return undefined;
  const chain = (Array.isArray(header) ? header.join(',') : header)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (chain.length === 0) return undefined;
  return chain[Math.max(0, chain.length - hops)];
}

/**
 * The client's address: the TCP peer, or behind `trustProxyHops` trusted proxies the address the
 * outermost one saw (X-Forwarded-For, right to left).
 */
export function clientAddress({
  remoteAddress,
  forwardedFor,
  trustProxyHops = 0,
}: {
  /** The TCP peer (req.socket.remoteAddress). */
  remoteAddress?: string | undefined;
  /** The X-Forwarded-For header as received. */
  forwardedFor?: string | string[] | null | undefined;
  /** env TRUST_PROXY, read by trustedProxyHops(). */
  trustProxyHops?: number;
}): string {
  return (forwardedEntry(forwardedFor, trustProxyHops) ?? remoteAddress ?? 'unknown').replace(/^::ffff:/, '');
}

/**
 * The scheme the visitor's browser used ("https:" or "http:"). The server itself speaks only
 * http, so: what our trusted proxy says (X-Forwarded-Proto, right to left); else, for a request
 * addressed to one of `publicOrigins` (PUBLIC_ORIGIN), that origin's scheme (it was reached the
 * way it is published, through some TLS terminator); else "http:".
 */
export function requestScheme({
  host,
  forwardedProto,
  trustProxyHops = 0,
  publicOrigins = [],
}: {
  /** The Host header. */
  host: string | null;
  /** The X-Forwarded-Proto header as received. */
  forwardedProto?: string | string[] | null | undefined;
  trustProxyHops?: number;
  /** The origins the site is published at (PUBLIC_ORIGIN). */
  publicOrigins?: readonly string[];
}): 'http:' | 'https:' {
  const told = forwardedEntry(forwardedProto, trustProxyHops)?.toLowerCase();
  if (told === 'https' || told === 'http') return `${told}:`;
  const published = publicOrigins.map(urlOrUndefined).find((url) => url && host && url.host === host.toLowerCase());
  return published?.protocol === 'https:' ? 'https:' : 'http:';
}

function urlOrUndefined(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}
