/**
 * The "when is the best time to call?" choices of the interest and referral forms, made from
 * site.config.ts `openingPeriods`, so no form offers a time when nobody is in the office.
 * Stored codes stay readable: an older request's 'evening' still has its label in the inbox.
 */
import { siteConfig } from '#site.config.ts';
import { localDigits } from '#src/i18n/localDigits.ts';
import type { Lang } from '#src/i18n/locales.ts';
import { t, type UIKey } from '#src/i18n/translate.ts';

/** One callback choice: its stored code and, for a part of the day, its hours. */
export interface CallbackTime {
  code: 'any' | 'morning' | 'afternoon';
  /** First hour (for 'any': the earliest opening). */
  from: number;
  /** Last hour (for 'any': the latest closing). */
  to: number;
}

/** The choices for these opening periods: any time within them, the morning before noon, the afternoon after. */
export function callbackTimesFor(periods: readonly { opens: number; closes: number }[]): CallbackTime[] {
  const from = Math.min(...periods.map((p) => p.opens));
  const to = Math.max(...periods.map((p) => p.closes));
  const times: CallbackTime[] = [{ code: 'any', from, to }];
  // Noon splits the day only when the office is open on both sides of it.
  if (from < 12 && to > 12) times.push({ code: 'morning', from, to: 12 }, { code: 'afternoon', from: 12, to });
  return times;
}

/** The choices the forms offer, from site.config.ts. */
export const callbackTimes = callbackTimesFor(siteConfig.openingPeriods);

/** The codes a form may send. "any" is the preset. */
export const bestTimes = callbackTimes.map((c) => c.code);

/** The label of a stored code in `lang` ("Morning (9–12)"); a code no longer offered keeps its own fixed label. */
export function callbackTimeLabel(lang: Lang, code: string): string {
  const time = callbackTimes.find((c) => c.code === code);
  const key = `interest.time.${code}` as UIKey;
  const text = t(lang, key, time && { from: localDigits(time.from, lang), to: localDigits(time.to, lang) });
  return text === key ? code : text;
}
