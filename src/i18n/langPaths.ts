import { langs, type Lang } from './locales.ts';

/** getStaticPaths() for a page that exists once per language. */
export function langPaths(): { params: { lang: Lang }; props: { lang: Lang } }[] {
  return langs.map((lang) => ({ params: { lang }, props: { lang } }));
}
