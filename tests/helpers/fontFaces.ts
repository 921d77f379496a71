/** The @font-face rules of a stylesheet, parsed just enough to check their sources and names. */
export interface FontFace {
  /** The family name without quotes. */
  family: string;
  /** The font-weight as written. */
  weight: string;
  /** The font-display value. */
  display: string;
  /** The unicode-range as written ('' when the rule has none). */
  unicodeRange: string;
  /** The entries of the src list in order, e.g. `local('X')`, `url(/_astro/x.woff2) format('woff2')`. */
  src: string[];
}

const unquote = (s: string) => s.trim().replace(/^['"]|['"]$/g, '');

/** Every @font-face of `css`, minified or not. */
export function fontFaces(css: string): FontFace[] {
  return [...css.matchAll(/@font-face\s*\{([^}]*)\}/g)].map(([, body = '']) => {
    const prop = (name: string) => body.match(new RegExp(`(?:^|;|\\s)${name}\\s*:\\s*([^;]*)`))?.[1]?.trim() ?? '';
    return {
      family: unquote(prop('font-family')),
      weight: prop('font-weight'),
      display: prop('font-display'),
      unicodeRange: prop('unicode-range'),
      src: prop('src')
        .split(/,(?![^(]*\))/)
        .map((s) => s.trim()),
    };
  });
}

/** The name inside `local('Name')`, or undefined for a url() entry. */
export const localName = (entry: string) => entry.match(/^local\((.*)\)$/)?.[1]?.replace(/^['"]|['"]$/g, '');
