/**
 * The activities she can tick on the interest form, read from the `activities` collection.
 * The value sent is the entry's slug (its file name), the same in every language; the label is
 * the title in her language, or the Danish title (marked lang="da") when not translated yet.
 */
import { readdirSync } from 'node:fs';
import { defaultLang, type Lang } from '#src/i18n/locales.ts';
import { resolveLocalized, sourceSlugs } from '#src/i18n/localizedEntry.ts';
import type { ActivityIconName } from '#src/components/activityIcons.ts';

export interface ActivityEntry {
  id: string;
  data: { title: string; order: number; icon: ActivityIconName; translation?: unknown };
}

export interface ActivityChoice {
  /** The value the form sends (the file name, e.g. "courses"). */
  slug: string;
  /** The activity's title in the language it is shown in. */
  title: string;
  /** The language of `title`: her language, or Danish when there is no translation. */
  titleLang: Lang;
  /** The activity's picture (the same as on its page). */
  icon: ActivityIconName;
}

/** Choices in the activities' own order, labelled for `lang`. */
export function activityChoices(entries: ActivityEntry[], lang: Lang): ActivityChoice[] {
  return sourceSlugs(entries)
    .map((slug) => {
      const resolved = resolveLocalized(entries, lang, slug)!;
      const source = entries.find((e) => e.id === `${defaultLang}/${slug}`)!;
      return { slug, title: resolved.entry.data.title, titleLang: resolved.contentLang, icon: source.data.icon, order: source.data.order };
    })
    .sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug))
    .map(({ order: _order, ...choice }) => choice);
}

/** Every slug the receiver accepts: those with a Danish source file. */
export function activitySlugs(entries: ActivityEntry[]): string[] {
  return sourceSlugs(entries);
}

/**
 * The same slugs read from the folder of the Danish source files (content/activities/da/), for
 * code that has no collections: the build's schemas (src/content.config.ts) and the server's own
 * door to the form receivers (src/forms/formReceiver.ts). None when there is no such folder.
 */
export function activitySlugsIn(danishDir: string): string[] {
  try {
    return readdirSync(danishDir)
      .filter((f) => /\.mdx?$/.test(f))
      .map((f) => f.replace(/\.mdx?$/, ''))
      .sort();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
}
