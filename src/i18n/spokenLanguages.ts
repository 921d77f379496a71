/**
 * "Arabic, Somali and Danish" in the reader's language, from language codes. Codes outside the
 * site's own languages (ku, pa …) are named too, through Intl.DisplayNames.
 */
import { intlLocale, languageName } from './translate';
import type { Lang } from './locales';

export function spokenLanguages(codes: readonly string[], lang: Lang): string {
  const names = codes.map((code) => languageName(code, lang));
  return new Intl.ListFormat(intlLocale(lang), { style: 'long', type: 'conjunction' }).format(names);
}

/** Every language any staff member speaks, Danish last (she knows we speak Danish). */
export function teamLanguages(members: readonly { languages: readonly string[] }[]): string[] {
  const all = [...new Set(members.flatMap((m) => m.languages))];
  return [...all.filter((c) => c !== 'da'), ...all.filter((c) => c === 'da')];
}
