/**
 * The one translator factory: i18next behind a typed `t()`. The public site (src/i18n/ui/), the
 * staff inbox (src/inbox/strings/) and the referral form (src/referral/strings/) each call it
 * with their own strings; keys are flat and dotted ("nav.home" is one key, not a path).
 */
import i18next, { type i18n } from 'i18next';

/** Values for the `{{name}}` placeholders of a string. */
export type TextVars = Record<string, string | number>;

/** The keys of a strings file as `t()` takes them: "age.days_one" may also be asked for as "age.days" (with a count). */
export type TranslationKey<Strings> =
  keyof Strings | (keyof Strings extends infer K ? (K extends `${infer Base}_${'one' | 'other'}` ? Base : never) : never);

/** A `t()` bound to one language. */
export type Translate<Key extends string> = (key: Key, vars?: TextVars) => string;

export interface TranslatorOptions<Lang extends string, Strings> {
  /** Each language's strings; a unit test holds every file to exactly the source language's keys. */
  strings: Record<Lang, Partial<Strings>>;
  /** The languages the strings come in, the source language (whose keys are the types) first. */
  langs: readonly Lang[];
  /** Where a missing string is looked for: one language, or a chain per language. */
  fallback: Lang | ((lang: Lang) => readonly string[]);
  /**
   * Keep every result, for strings asked for again and again (the public site's build); the
   * results with placeholders are bounded, since the server fills in names too.
   * @default false
   */
  cache?: boolean;
}

// When results are kept, those with placeholders are many more: that part starts again when full.
const maxFilledIn = 20_000;

/** Makes the translator for one set of strings: `translator(lang)` gives that language's `t()`. */
export function createTranslator<Lang extends string, Strings>({
  strings,
  langs,
  fallback,
  cache = false,
}: TranslatorOptions<Lang, Strings>): (lang: Lang) => Translate<TranslationKey<Strings> & string> {
  type Key = TranslationKey<Strings> & string;
  let instance: i18n | undefined;
  const fixedTs = new Map<Lang, ReturnType<i18n['getFixedT']>>();
  const translated = new Map<string, string>();
  let filledIn = 0;

  // Made on first use, so a page that never translates never loads the strings into i18next.
  function getI18n(): i18n {
    if (instance) return instance;
    instance = i18next.createInstance();
    void instance.init({
      initAsync: false,
      lng: langs[0],
      fallbackLng: typeof fallback === 'function' ? (code: string) => [...fallback(code as Lang)] : fallback,
      supportedLngs: [...langs],
      keySeparator: false,
      nsSeparator: false,
      interpolation: { escapeValue: false },
      returnEmptyString: false,
      resources: Object.fromEntries(langs.map((l) => [l, { translation: strings[l] }])),
    });
    return instance;
  }

  function lookUp(lang: Lang, key: Key, vars: TextVars | undefined): string {
    let fixedT = fixedTs.get(lang);
    if (!fixedT) fixedTs.set(lang, (fixedT = getI18n().getFixedT(lang)));
    return fixedT(key as string, vars ?? {}) as string;
  }

  function translateKept(lang: Lang, key: Key, vars: TextVars | undefined): string {
    const cacheKey = vars ? `${lang} ${key} ${JSON.stringify(vars)}` : `${lang} ${key}`;
    let text = translated.get(cacheKey);
    if (text !== undefined) return text;
    text = lookUp(lang, key, vars);
    if (vars && ++filledIn > maxFilledIn) {
      translated.clear();
      filledIn = 1;
    }
    translated.set(cacheKey, text);
    return text;
  }

  const translate = cache ? translateKept : lookUp;
  const byLang = new Map<Lang, Translate<Key>>();
  return (lang) => {
    let t = byLang.get(lang);
    if (!t) byLang.set(lang, (t = (key, vars) => translate(lang, key, vars)));
    return t;
  };
}
