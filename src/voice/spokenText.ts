/**
 * The exact text a voice clip speaks, taken from the entry it belongs to, and its hash. One
 * definition for `npm run voices` (which speaks it, or registers a recording of it), its
 * `--check`, the build (which hides a clip whose text has changed) and /translation-status/.
 * Plain erasable TypeScript, so Node 22 runs it without a build.
 */
import { createHash } from 'node:crypto';
import { parseDocument } from 'yaml';

/** The words of an MDX file as plain sentences: title, then the body without Markdown marks. */
export function mdxSpokenText(raw: string): string {
  const [, front = '', body = ''] = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(raw) ?? [];
  const title = parseDocument(front).get('title');
  const plain = body
    .replace(/^import .*$/gm, '')
    .replace(/[*_#>`]/g, '')
    .replace(/^\s*-\s+/gm, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
  return `${title}.\n\n${plain}`.trim();
}

/** The kinds of YAML entry that carry `clips: { <lang>: … }`. */
export type YamlClipKind = 'venues' | 'staff' | 'meetings';

/** The fields of a YAML entry that its clips speak, per language. */
interface YamlEntry {
  name?: string;
  directions?: Record<string, string>;
  role?: Record<string, string>;
  bio?: Record<string, string>;
  title?: Record<string, string>;
  notes?: Record<string, string>;
}

/**
 * What a YAML entry's clip in `lang` speaks: a venue its directions; a staff member her name, role
 * and few words; a meeting its title and notes. Undefined when the entry has no such text.
 */
export function yamlSpokenText(kind: YamlClipKind, entry: YamlEntry, lang: string): string | undefined {
  if (kind === 'venues') return entry.directions?.[lang];
  if (kind === 'staff') {
    const role = entry.role?.[lang];
    const bio = entry.bio?.[lang];
    return role && bio ? `${entry.name}. ${role}. ${bio}` : undefined;
  }
  const parts = [entry.title?.[lang], entry.notes?.[lang]].filter(Boolean);
  return parts.length ? parts.join('. ') : undefined;
}

/**
 * 16 hex characters of sha256 of the text, its Unicode and white space normalised: a new line
 * break in the file changes nothing she hears, a changed word changes the hash.
 */
export function spokenHash(text: string): string {
  const normal = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(normal, 'utf8').digest('hex').slice(0, 16);
}
