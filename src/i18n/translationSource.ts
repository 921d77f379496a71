/**
 * Which version of the Danish source a translation was made from.
 * A translated content file carries `translation: { status, source }` in its frontmatter;
 * `source` is sourceHash() of the Danish file's text at the time of translating. When the
 * Danish file changes, its hash changes and the translation shows as outdated.
 * Used by the build (content.config.ts), `npm run translations` and /translation-status/.
 * Plain erasable TypeScript with no local imports, so Node 22 can run it without a build.
 */
import { createHash } from 'node:crypto';

/** Removes top-level blocks (`translation:` unless `keys` says otherwise; inline or indented) from YAML frontmatter. */
export function withoutTranslationBlock(raw: string, keys: readonly string[] = ['translation']): string {
  const text = raw.replace(/\r\n?/g, '\n');
  const match = /^---\n([\s\S]*?)\n---(\n|$)/.exec(text);
  if (!match) return text;
  const lines = (match[1] ?? '').split('\n');
  const kept: string[] = [];
  let skipping = false;
  for (const line of lines) {
    if (keys.some((key) => new RegExp(`^${key}\\s*:`).test(line))) {
      skipping = true;
      continue;
    }
    // The block ends at the next line that is not indented (the next top-level key).
    if (skipping && /^\s+\S/.test(line)) continue;
    skipping = false;
    kept.push(line);
  }
  return `---\n${kept.join('\n')}\n---${match[2]}${text.slice(match[0].length)}`;
}

/**
 * First 12 hex characters of sha256 of the Danish file's text, translation block excluded. The voice
 * clip is left out too: a new Danish recording does not make the translations' text outdated.
 */
export function sourceHash(rawDanishFileText: string): string {
  const text = withoutTranslationBlock(rawDanishFileText, ['translation', 'clip']);
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 12);
}
