/** CSS `unicode-range` values: written from a font's character map, and read back by the tests. */

/** The code points as a `unicode-range` value, consecutive ones joined: `U+20,U+A0,U+621-63A`. */
export function unicodeRange(codePoints: Iterable<number>): string {
  const sorted = [...new Set(codePoints)].sort((a, b) => a - b);
  const spans: [number, number][] = [];
  for (const cp of sorted) {
    const last = spans.at(-1);
    if (last && last[1] === cp - 1) last[1] = cp;
    else spans.push([cp, cp]);
  }
  const hex = (n: number) => n.toString(16).toUpperCase();
  return spans.map(([a, b]) => (a === b ? `U+${hex(a)}` : `U+${hex(a)}-${hex(b)}`)).join(',');
}

/** The code points a `unicode-range` value covers (single points and ranges; no `?` wildcards). */
export function unicodeRangeCodePoints(value: string): Set<number> {
  const out = new Set<number>();
  for (const part of value.split(',')) {
    const m = /^\s*U\+([0-9A-F]+)(?:-([0-9A-F]+))?\s*$/i.exec(part);
    if (!m) throw new Error(`unicode-range: cannot read "${part}"`);
    const first = parseInt(m[1]!, 16);
    const last = m[2] ? parseInt(m[2], 16) : first;
    for (let cp = first; cp <= last; cp++) out.add(cp);
  }
  return out;
}
