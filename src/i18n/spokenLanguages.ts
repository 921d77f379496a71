/**
 * "Arabic, Somali and Danish" in the reader's language, from language codes. Codes outside the
 * site's own languages (ku, pa …) are named too, through Intl.DisplayNames.
 */
import { intlLocale, languageName } from './translate.ts';
import type { Lang } from './locales.ts';

export function spokenLanguages(codes: readonly string[], lang: Lang): string {
  const names = readerFirst(codes, lang).map((code) => languageName(code, lang));
  return new Intl.ListFormat(intlLocale(lang), { style: 'long', type: 'conjunction' }).format(names);
}

/** Her own language first (she looks for it), Danish last (she knows we speak Danish). */
export function readerFirst(codes: readonly string[], lang: Lang): string[] {
  const rank = (code: string) => (code === lang ? 0 : code === 'da' ? 2 : 1);
  return [...codes].sort((a, b) => rank(a) - rank(b));
}

/** Every language any staff member speaks, Danish last (she knows we speak Danish). */
export function teamLanguages(members: readonly { languages: readonly string[] }[]): string[] {
  const all = [...new Set(members.flatMap((m) => m.languages))];
  return [...all.filter((c) => c !== 'da'), ...all.filter((c) => c === 'da')];
}
