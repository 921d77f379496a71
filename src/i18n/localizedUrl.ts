import type { Lang } from './locales.ts';

/** The URL of `path` (e.g. 'meetings/') in `lang`: '/ar/meetings/'. Paths never start with '/'. */
export function localizedUrl(lang: Lang, path = ''): string {
  const clean = path.replace(/^\/+/, '');
  return `/${lang}/${clean}`;
}
