/**
 * The partners' own strings (src/i18n/partners/<da|en>.json): the referral form is for
 * professionals, who read Danish or English, so the 7 public language files need none of them.
 * Through i18next like the public site.
 */
import i18next, { type i18n } from 'i18next';
import da from './partners/da.json';
import en from './partners/en.json';
import type { ReferralLang } from '#src/referral/referralFields.ts';

export type PartnerKey = keyof typeof da;

let instance: i18n | undefined;

function getI18n(): i18n {
  if (instance) return instance;
  instance = i18next.createInstance();
  void instance.init({
    initAsync: false,
    lng: 'da',
    fallbackLng: 'da',
    supportedLngs: ['da', 'en'],
    keySeparator: false,
    nsSeparator: false,
    interpolation: { escapeValue: false },
    resources: { da: { translation: da }, en: { translation: en } },
  });
  return instance;
}

/** A `t()` for the partner pages in Danish or English. */
export function partnerTranslations(lang: ReferralLang) {
  const fixed = getI18n().getFixedT(lang);
  return (key: PartnerKey, vars?: Record<string, string | number>) => fixed(key, vars ?? {}) as string;
}
