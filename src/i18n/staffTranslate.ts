/**
 * The staff inbox's own strings (src/i18n/staff/<da|en>.json), through i18next like the public
 * site, but kept out of the public per-language files: the 7 public languages need none of them.
 */
import i18next, { type i18n } from 'i18next';
import da from './staff/da.json';
import en from './staff/en.json';

export type StaffLang = 'da' | 'en';
export const staffLangs: readonly StaffLang[] = ['da', 'en'];
/** Keys without their plural suffix: "age.days_one" is asked for as "age.days". */
export type StaffKey = keyof typeof da extends infer K ? (K extends `${infer Base}_${'one' | 'other'}` ? Base : K) : never;

export const staffStrings: Record<StaffLang, Record<string, string>> = { da, en };

let instance: i18n | undefined;

function getI18n(): i18n {
  if (instance) return instance;
  instance = i18next.createInstance();
  void instance.init({
    initAsync: false,
    lng: 'da',
    fallbackLng: 'da',
    supportedLngs: [...staffLangs],
    keySeparator: false,
    nsSeparator: false,
    interpolation: { escapeValue: false },
    resources: { da: { translation: da }, en: { translation: en } },
  });
  return instance;
}

export const isStaffLang = (value: unknown): value is StaffLang => value === 'da' || value === 'en';

/** A `t()` for the inbox in Danish or English. */
export function staffTranslations(lang: StaffLang) {
  const fixed = getI18n().getFixedT(lang);
  return (key: StaffKey, vars?: Record<string, string | number>) => fixed(key, vars ?? {}) as string;
}
