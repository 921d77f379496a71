/**
 * What the interest receiver needs while the server runs: its settings, the one open store,
 * the form secret and the rate limiter. The server opens it once and hands it to /api/interest
 * through `locals`, so one process holds one database connection and one limiter.
 */
import { createRateLimiter } from '#src/forms/formRateLimit.ts';
import { interestSettings, type InterestSettings } from './interestSettings.ts';
import { openInterestStore, type InterestStore } from '#src/store/interest.ts';
import { loadFormSecret } from '#src/forms/formToken.ts';

export interface InterestRuntime {
  settings: InterestSettings;
  store: InterestStore;
  secret: string;
  limiter: ReturnType<typeof createRateLimiter>;
}

/** Opens the store (creating the data directory and the 0600 database on first start) and loads the secret. */
export function openInterestRuntime(siteConfig: Parameters<typeof interestSettings>[0]): InterestRuntime {
  const settings = interestSettings(siteConfig);
  return {
    settings,
    store: openInterestStore({ dataDir: settings.dataDir }),
    secret: loadFormSecret(settings.dataDir),
    limiter: createRateLimiter(settings.rateLimit),
  };
}
