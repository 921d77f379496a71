/**
 * Content files live at content/<collection>/<lang>/<slug>.mdx. This finds the best version of
 * a slug for a reader: her language, else the locale's fallback chain (Danish last).
 */
import { defaultLang, getLocale, isLang, langs, type Lang } from './locales.ts';

interface EntryLike {
  id: string;
  filePath?: string;
  data: { translation?: unknown };
}

export function splitId(id: string): { lang: Lang; slug: string } {
  const [lang, ...rest] = id.split('/');
  if (!isLang(lang) || rest.length === 0) {
    throw new Error(`Content file "${id}" must live in a language folder: <lang>/<slug> with <lang> from src/i18n/locales.ts`);
  }
  return { lang, slug: rest.join('/') };
}

/** Every slug that has a Danish source, sorted. */
export function sourceSlugs<E extends EntryLike>(entries: E[]): string[] {
  return entries
    .map((e) => splitId(e.id))
    .filter((s) => s.lang === defaultLang)
    .map((s) => s.slug)
    .sort();
}

export interface Resolved<E> {
  entry: E;
  /** The language the text is really in. */
  contentLang: Lang;
  /** True when the reader's language has no version and another language is shown. */
  fallback: boolean;
}

/** The version of `slug` to show a reader of `lang`, or undefined when not even Danish exists. */
export function resolveLocalized<E extends EntryLike>(entries: E[], lang: Lang, slug: string): Resolved<E> | undefined {
  const chain: Lang[] = [lang, ...(getLocale(lang).fallback as Lang[]), defaultLang];
  for (const candidate of chain) {
    const entry = entries.find((e) => e.id === `${candidate}/${slug}`);
    if (entry) {
      assertTranslationMeta(entry);
      return { entry, contentLang: candidate, fallback: candidate !== lang };
    }
  }
  return undefined;
}

/** A translated file without its status fails the build, naming the file and the field. */
export function assertTranslationMeta(entry: EntryLike): void {
  const { lang } = splitId(entry.id);
  if (lang !== defaultLang && !entry.data.translation) {
    const where = entry.filePath ?? entry.id;
    const needed = 'translation: { status: machine | reviewed, source: <hash of the Danish file> }';
    throw new Error(`${where}: field "translation" is missing. Every non-Danish file needs ${needed} (see npm run translations).`);
  }
}

/** getStaticPaths() of a collection's /<lang>/<section>/<slug>/ pages: every Danish slug in every language. */
export function localizedEntryPaths<E extends EntryLike>(entries: E[]) {
  return langs.flatMap((lang) =>
    sourceSlugs(entries).map((slug) => ({ params: { lang, slug }, props: { lang, resolved: resolveLocalized(entries, lang, slug)! } })),
  );
}
