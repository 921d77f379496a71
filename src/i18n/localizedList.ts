/**
 * Every entry of a translated collection as a reader of `lang` should see it: her language where
 * it exists, else the fallback (Danish), in the entries' `order`.
 */
import type { Lang } from './locales.ts';
import { resolveLocalized, sourceSlugs, type Resolved } from './localizedEntry.ts';

interface Ordered {
  id: string;
  filePath?: string;
  data: { translation?: unknown; order?: number };
}

export function localizedList<E extends Ordered>(entries: E[], lang: Lang): (Resolved<E> & { slug: string })[] {
  return sourceSlugs(entries)
    .map((slug) => ({ ...resolveLocalized(entries, lang, slug)!, slug }))
    .sort((a, b) => (a.entry.data.order ?? 99) - (b.entry.data.order ?? 99) || a.slug.localeCompare(b.slug));
}
