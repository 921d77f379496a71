/**
 * What each language block of a flyer says, gathered at build time from the SAME content as the
 * site (home page frontmatter, the activities' titles and pictures, UI strings, site.config.ts):
 * nothing on a flyer is translated twice.
 */
import { getCollection } from 'astro:content';
import type { ActivityIconName } from '#src/components/activityIcons.ts';
import { getLocale, langs, type FontKey, type Lang } from '#src/i18n/locales.ts';
import { resolveLocalized, sourceSlugs } from '#src/i18n/localizedEntry.ts';
import { localizedUrl } from '#src/i18n/localizedUrl.ts';
import { t } from '#src/i18n/translate.ts';
import { siteConfig } from '#site.config.ts';
import { qrSvg } from './qrSvg.ts';

export interface FlyerBlock {
  /** The block's language (lang attribute, URL of its QR code). */
  lang: Lang;
  /** Its writing direction. */
  dir: 'ltr' | 'rtl';
  /** The script font (global.css sets it by data-font). */
  font: FontKey;
  /** The language the home page text is really in (Danish while untranslated). */
  contentLang: Lang;
  /** The headline: the site's tagline. */
  headline: string;
  /** The invitation: the home page's description. */
  invitation: string;
  /** "Free and voluntary. For women only." */
  free: string;
  /** "Call or text us". */
  call: string;
  /** The caption under the QR code. */
  scan: string;
  /** The address the QR code opens: the site in this language. */
  url: string;
  /** The same address without https://, printed under the code. */
  urlText: string;
  /** The QR code as inline SVG. */
  qr: string;
  /** The programme's offers: title and picture, in the site's order (none until content/activities/ has some). */
  activities: { title: string; icon: ActivityIconName; lang: Lang }[];
}

type Pages = Awaited<ReturnType<typeof getCollection<'pages'>>>;
type Activities = Awaited<ReturnType<typeof getCollection<'activities'>>>;

/** The offers in `lang` (each in the best language it exists in), ordered as on the site. */
function activitiesIn(lang: Lang, activities: Activities): FlyerBlock['activities'] {
  return sourceSlugs(activities)
    .map((slug) => resolveLocalized(activities, lang, slug)!)
    .sort((a, b) => a.entry.data.order - b.entry.data.order)
    .map(({ entry, contentLang }) => ({ title: entry.data.title, icon: entry.data.icon, lang: contentLang }));
}

async function buildBlock(lang: Lang, pages: Pages, activities: Activities): Promise<FlyerBlock> {
  const locale = getLocale(lang);
  const home = resolveLocalized(pages, lang, 'home');
  if (!home) throw new Error('content/pages/da/home.mdx is missing: the flyer takes its text from it.');
  const url = new URL(localizedUrl(lang), siteConfig.siteUrl).href;
  const urlText = url.replace(/^https?:\/\//, '').replace(/\/$/, '');
  return {
    lang,
    dir: locale.dir,
    font: locale.font,
    contentLang: home.contentLang,
    headline: t(lang, 'site.tagline'),
    invitation: home.entry.data.description,
    free: t(lang, 'footer.free'),
    call: t(lang, 'flyer.call'),
    scan: t(lang, 'flyer.scan'),
    url,
    urlText,
    qr: await qrSvg(url, t(lang, 'flyer.qrLabel', { url: urlText })),
    activities: activitiesIn(lang, activities),
  };
}

let cached: Promise<Record<Lang, FlyerBlock>> | undefined;

/** Every language's block, made once per build (the generator and 7 print pages share them). */
export function flyerBlocks(): Promise<Record<Lang, FlyerBlock>> {
  cached ??= (async () => {
    const [pages, activities] = await Promise.all([getCollection('pages'), getCollection('activities')]);
    const blocks = await Promise.all(langs.map((lang) => buildBlock(lang, pages, activities)));
    return Object.fromEntries(blocks.map((b) => [b.lang, b])) as Record<Lang, FlyerBlock>;
  })();
  return cached;
}
