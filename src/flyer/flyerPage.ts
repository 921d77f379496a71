/**
 * What both flyer pages start from (the generator at /<lang>/flyer/ and the ready flyer at
 * /<lang>/flyer/print/): every language's text block, the staff faces, and the ready flyer's
 * options for the page's language.
 */
import { langs, type Lang } from '#src/i18n/locales.ts';
import { flyerBlocks, type FlyerBlock } from './flyerBlocks.ts';
import { defaultFlyerOptions, readyFlyerLangs, type FlyerOptions } from './flyerOptions.ts';
import { flyerFaces, type FlyerFace } from './flyerStaff.ts';

export interface FlyerPage {
  blocks: Record<Lang, FlyerBlock>;
  faces: FlyerFace[];
  options: FlyerOptions;
}

export async function flyerPage(lang: Lang): Promise<FlyerPage> {
  const [blocks, faces] = await Promise.all([flyerBlocks(), flyerFaces()]);
  return { blocks, faces, options: defaultFlyerOptions(lang) };
}

/**
 * The language blocks the generator page for `lang` carries: those of the flyer it opens with,
 * the ready flyer of her language (hers, Danish and English, in the site's order). Any other
 * language is fetched when she picks it (/<lang>/flyer/block.json): seven blocks made the page
 * twice its budget.
 */
export function generatorLangs(lang: Lang): Lang[] {
  const carried = new Set<Lang>(readyFlyerLangs(lang));
  return langs.filter((l) => carried.has(l));
}
