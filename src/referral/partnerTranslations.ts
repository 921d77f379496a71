/**
 * The partners' own strings (src/referral/strings/<da|en>.json): the referral form is for
 * professionals, who read Danish or English, so the 7 public language files need none of them.
 * Through the one translator factory like the public site.
 */
import da from './strings/da.json' with { type: 'json' };
import en from './strings/en.json' with { type: 'json' };
import { createTranslator, type TranslationKey } from '#src/i18n/createTranslator.ts';
import { referralLangs, type ReferralLang } from './referralFields.ts';

export type PartnerKey = TranslationKey<typeof da>;

/** Both files, by language code. A unit test holds English to exactly Danish's keys. */
export const partnerStrings: Record<ReferralLang, Partial<typeof da>> = { da, en };

/** A `t()` for the partner pages in Danish or English. */
export const partnerTranslations = createTranslator({ strings: partnerStrings, langs: referralLangs, fallback: 'da' });
