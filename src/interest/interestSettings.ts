/**
 * Settings of the interest receiver, from site.config.ts (retention, site URL) and the
 * environment (where data lives, proxies, limits). One function, so the server, the
 * endpoint and the staff CLI agree.
 */
import { resolveDataDir } from '#src/store/openStore.ts';
import { trustedProxyHops } from '#src/forms/clientAddress.ts';
import { publicOrigin } from '#src/site/publicOrigin.ts';

function numberFrom(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value !== undefined && value !== '' && Number.isFinite(n) && n >= 0 ? n : fallback;
}

/** The settings for a site config (only `retentionDays` and `siteUrl` matter here). */
export function interestSettings(
  siteConfig: { retentionDays: number; siteUrl: string },
  env: Record<string, string | undefined> = process.env,
) {
  return {
    /** Directory of the database and the form secret (env DATA_DIR, default ./data). */
    dataDir: resolveDataDir(env.DATA_DIR),
    /** Days a registration is kept (site.config.ts `retentionDays`). */
    retentionDays: siteConfig.retentionDays,
    /** Origins besides the request's own that may post the form: the published one (env PUBLIC_ORIGIN, else siteUrl). */
    allowedOrigins: [publicOrigin(siteConfig, env)],
    /** Quicker than this after the page was served is a bot (env INTEREST_MIN_FILL_MS). */
    minFillMs: numberFrom(env.INTEREST_MIN_FILL_MS, 3000),
    /** A form page older than this asks her to send again (the token has expired). */
    maxAgeMs: 24 * 60 * 60 * 1000,
    /** Attempts per client per window (env INTEREST_RATE_LIMIT; 0 turns the limit off). */
    rateLimit: { max: numberFrom(env.INTEREST_RATE_LIMIT, 10), windowMs: 15 * 60 * 1000 },
    /** Proxies in front of the server whose X-Forwarded-For is believed (env TRUST_PROXY). */
    trustProxyHops: trustedProxyHops(env.TRUST_PROXY),
  };
}

export type InterestSettings = ReturnType<typeof interestSettings>;
