/**
 * The brotli level of each precompressed file (scripts/postbuild.ts). Content-hashed assets in
 * /_astro/ never change once served: level 11, the densest. Pages are rewritten on every build
 * and, with a year of meetings, number in the thousands: level 8, about a tenth of the CPU for
 * pages about 9 % larger (docs/performance.md, "Build time"). The few pages a woman lands on from
 * a flyer's QR code or short link, the language chooser and her language's home page, get level
 * 11 too: they are the heaviest pages and the first she loads. So do the flyer generator's pages
 * and the language blocks it fetches (14 files): the tool partners use most, held to a budget
 * (docs/performance.md, "The flyer tool per language").
 */
import { isLang } from '#src/i18n/locales.ts';

export const PAGE_BROTLI_QUALITY = 8;
export const DENSEST_BROTLI_QUALITY = 11;
/** About how much more CPU per byte the densest level costs than the page level (to share work between threads). */
export const DENSEST_COST_FACTOR = 35;

/** The level for a file, by its path inside dist/client (`_astro/x.js`, `da/index.html`). */
export function brotliQualityFor(relative: string): number {
  const parts = relative.split(/[\\/]/);
  const landing = parts.at(-1) === 'index.html' && (parts.length === 1 || (parts.length === 2 && isLang(parts[0] ?? '')));
  const flyerTool =
    parts.length === 3 && isLang(parts[0] ?? '') && parts[1] === 'flyer' && ['index.html', 'block.json'].includes(parts[2] ?? '');
  return parts[0] === '_astro' || landing || flyerTool ? DENSEST_BROTLI_QUALITY : PAGE_BROTLI_QUALITY;
}
