/**
 * The staff inbox's own strings (src/inbox/strings/<da|en>.json), through the one translator
 * factory like the public site, but kept out of the public per-language files: the 7 public
 * languages need none of them.
 */
import da from './strings/da.json' with { type: 'json' };
import en from './strings/en.json' with { type: 'json' };
import { createTranslator, type TranslationKey } from '#src/i18n/createTranslator.ts';

export type StaffLang = 'da' | 'en';
const staffLangs: readonly StaffLang[] = ['da', 'en'];
/** The keys `t()` takes: "age.days_one" is asked for as "age.days". */
export type StaffKey = TranslationKey<typeof da>;

/** Both files, by language code. A unit test holds English to exactly Danish's keys. */
export const staffStrings: Record<StaffLang, Partial<typeof da>> = { da, en };

export const isStaffLang = (value: unknown): value is StaffLang => value === 'da' || value === 'en';

/** A `t()` for the inbox in Danish or English. */
export const staffTranslations = createTranslator({ strings: staffStrings, langs: staffLangs, fallback: 'da' });
