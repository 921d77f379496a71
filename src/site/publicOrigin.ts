/**
 * The address the site is published at: env PUBLIC_ORIGIN, else site.config.ts → siteUrl. The
 * inbox (passkeys, links, cookies), the forms' Origin check and HSTS all use this one value, and
 * the server refuses to start with a plain-http one on a real name (docs/operations.md).
 */

/** The origin visitors use, e.g. "https://aabendoer.example.dk". */
export function publicOrigin(siteConfig: { siteUrl: string }, env: Record<string, string | undefined> = process.env): string {
  return new URL(env.PUBLIC_ORIGIN?.trim() || siteConfig.siteUrl).origin;
}

/** True for names a browser treats as secure without TLS: localhost and the loopback addresses. */
function isLoopbackHost(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return name === 'localhost' || name.endsWith('.localhost') || name === '::1' || /^127\.\d+\.\d+\.\d+$/.test(name);
}

/**
 * Why the server must not start with this origin, or undefined when it may: a non-https origin
 * on a real name would send passkeys' origin, sessions and her form over plain http. A test sets
 * ALLOW_INSECURE_ORIGIN=1 to allow it anyway.
 */
export function insecureOriginProblem(origin: string, env: Record<string, string | undefined> = process.env): string | undefined {
  const url = new URL(origin);
  if (url.protocol === 'https:' || isLoopbackHost(url.hostname) || env.ALLOW_INSECURE_ORIGIN === '1') return undefined;
  return `PUBLIC_ORIGIN ${url.origin} is not https://: staff sessions and her form would travel unencrypted. Use the https:// address visitors open (ALLOW_INSECURE_ORIGIN=1 allows it, for tests only).`;
}
