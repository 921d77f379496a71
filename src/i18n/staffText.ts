/**
 * A staff member's role, bio and photo alt text in the reader's language, or in Danish when
 * not given (then `lang` says 'da', so the page can mark that text as Danish).
 */
import { defaultLang, type Lang } from './locales.ts';

type PerLang = Partial<Record<string, string>>;

export interface LocalText {
  text: string;
  /** The language the text is really in. */
  lang: Lang;
}

export function localText(values: PerLang, lang: Lang): LocalText {
  const own = values[lang];
  if (own) return { text: own, lang };
  return { text: values[defaultLang] ?? '', lang: defaultLang };
}
