/**
 * Settings of the staff inbox, from site.config.ts and the environment.
 * WebAuthn ties passkeys to a domain (the RP ID); an IP address is never one. So the origin
 * comes from env PUBLIC_ORIGIN, else siteUrl (src/site/publicOrigin.ts); locally
 * PUBLIC_ORIGIN=http://localhost:4321 (Chromium treats localhost as a secure context).
 */
import { trustedProxyHops } from '#src/forms/clientAddress.ts';
import { publicOrigin } from '#src/site/publicOrigin.ts';

export interface InboxSettings {
  /** Where staff open the inbox, e.g. "https://aabendoer.example.dk". */
  origin: string;
  /** The WebAuthn relying party id: the origin's host name. */
  rpId: string;
  /** The name the passkey dialog shows. */
  rpName: string;
  /** https: cookies get Secure and the __Host- prefix. */
  secure: boolean;
  /** Name of the session cookie. */
  cookieName: string;
  /** Days a request is kept before the automatic purge (site.config.ts `retentionDays`). */
  retentionDays: number;
  /** Proxies in front of the server whose X-Forwarded-* headers are believed (env TRUST_PROXY). */
  trustProxyHops: number;
  /** Sign-in and invite attempts per client per 15 minutes (env INBOX_RATE_LIMIT; 0 = off). */
  rateLimit: { max: number; windowMs: number };
}

export function inboxSettings(
  siteConfig: { siteUrl: string; name: string; retentionDays: number },
  env: Record<string, string | undefined> = process.env,
): InboxSettings {
  const origin = publicOrigin(siteConfig, env);
  const url = new URL(origin);
  const secure = url.protocol === 'https:';
  const limit = Number(env.INBOX_RATE_LIMIT);
  return {
    origin,
    rpId: url.hostname,
    rpName: siteConfig.name,
    secure,
    cookieName: secure ? '__Host-inbox' : 'inbox',
    retentionDays: siteConfig.retentionDays,
    trustProxyHops: trustedProxyHops(env.TRUST_PROXY),
    rateLimit: { max: env.INBOX_RATE_LIMIT !== undefined && Number.isFinite(limit) && limit >= 0 ? limit : 20, windowMs: 15 * 60 * 1000 },
  };
}

/** The Set-Cookie value for a session id (or, with no id, one that clears it). */
export function sessionCookie(settings: InboxSettings, id: string | null): string {
  const parts = [`${settings.cookieName}=${id ?? ''}`, 'Path=/', 'HttpOnly', 'SameSite=Strict'];
  if (settings.secure) parts.push('Secure');
  // The browser drops the cookie with the session's longest life; the server enforces the rest.
  parts.push(id ? 'Max-Age=28800' : 'Max-Age=0');
  return parts.join('; ');
}
