/**
 * Which text every voice clip was made from: content/voice/clip-texts.json records, for each clip
 * file, the entry it speaks and the hash of that entry's text when the clip was made or recorded
 * (./spokenText.ts). A clip is `current` while the hash still matches the entry's text, `stale`
 * after the text changed, and `unregistered` when nobody recorded which text it speaks. Only a
 * current clip plays (./voiceIntegration.ts leaves the others out, so the page shows no player):
 * she never hears a voice that says something else than the page. `npm run voices -- --check`
 * fails on the others, and /translation-status/ lists them.
 * Plain erasable TypeScript, so Node 22 runs it without a build.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { mdxSpokenText, spokenHash, yamlSpokenText, type YamlClipKind } from './spokenText.ts';

/** The record's file name in content/voice/ (the build's clip check skips it). */
export const clipTextsFile = 'clip-texts.json';

/** One clip's record: the entry it speaks and the hash of the text it speaks. */
export interface ClipText {
  /** The entry, relative to the project (content/pages/da/home.mdx, content/venues/x.yaml). */
  source: string;
  /** The language of the text it speaks. */
  lang: string;
  /** spokenHash() of the text when the clip was made. */
  hash: string;
}

export type ClipTexts = Record<string, ClipText>;

export type ClipState = 'current' | 'stale' | 'unregistered';

/** A clip as the content uses it: the entry and language, what it speaks today, and its state. */
export interface ClipUse {
  /** The clip's file in content/voice/. */
  file: string;
  source: string;
  lang: string;
  voice: string;
  /** The text the entry says today. */
  text: string;
  state: ClipState;
}

const mdxCollections = ['pages', 'activities', 'stories'] as const;
const yamlKinds: readonly YamlClipKind[] = ['venues', 'staff', 'meetings'];

export function readClipTexts(root: string): ClipTexts {
  const file = path.join(root, 'content', 'voice', clipTextsFile);
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as ClipTexts) : {};
}

/** Writes the record sorted by clip file, so a change is one line in a diff. */
export function writeClipTexts(root: string, texts: ClipTexts): void {
  const sorted = Object.fromEntries(Object.entries(texts).sort(([a], [b]) => a.localeCompare(b)));
  fs.mkdirSync(path.join(root, 'content', 'voice'), { recursive: true });
  fs.writeFileSync(path.join(root, 'content', 'voice', clipTextsFile), `${JSON.stringify(sorted, null, 2)}\n`);
}

/** The text an entry (an MDX file, or a YAML entry in `lang`) speaks today; undefined when it has none. */
export function entrySpokenText(root: string, source: string, lang: string): string | undefined {
  const raw = fs.readFileSync(path.join(root, source), 'utf8');
  if (/\.mdx?$/.test(source)) return mdxSpokenText(raw);
  const kind = source.split('/')[1] as YamlClipKind;
  return yamlSpokenText(kind, parseDocument(raw).toJS() ?? {}, lang);
}

const listDir = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []);

/** Every clip the content uses, with the text its entry says today and whether the clip still speaks it. */
export function clipUses(root: string, texts: ClipTexts = readClipTexts(root)): ClipUse[] {
  const found: Omit<ClipUse, 'state'>[] = [];
  for (const collection of mdxCollections) {
    for (const lang of listDir(path.join(root, 'content', collection))) {
      for (const name of listDir(path.join(root, 'content', collection, lang)).filter((n) => /\.mdx?$/.test(n))) {
        const source = `content/${collection}/${lang}/${name}`;
        const raw = fs.readFileSync(path.join(root, source), 'utf8');
        const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(raw)?.[1];
        const clip = front ? (parseDocument(front).toJS() as { clip?: { file?: string; voice?: string } } | null)?.clip : undefined;
        if (clip?.file) found.push({ file: path.basename(clip.file), source, lang, voice: String(clip.voice), text: mdxSpokenText(raw) });
      }
    }
  }
  for (const kind of yamlKinds) {
    for (const name of listDir(path.join(root, 'content', kind)).filter((n) => n.endsWith('.yaml'))) {
      const source = `content/${kind}/${name}`;
      const data = (parseDocument(fs.readFileSync(path.join(root, source), 'utf8')).toJS() ?? {}) as {
        clips?: Record<string, { file?: string; voice?: string }>;
      };
      for (const [lang, clip] of Object.entries(data.clips ?? {})) {
        if (!clip?.file) continue;
        found.push({
          file: path.basename(clip.file),
          source,
          lang,
          voice: String(clip.voice),
          text: yamlSpokenText(kind, data as Parameters<typeof yamlSpokenText>[1], lang) ?? '',
        });
      }
    }
  }
  return found.map((use) => ({ ...use, state: stateOf(use, texts[use.file]) }));
}

function stateOf(use: { source: string; lang: string; text: string }, record: ClipText | undefined): ClipState {
  if (!record || record.source !== use.source || record.lang !== use.lang) return 'unregistered';
  return record.hash === spokenHash(use.text) ? 'current' : 'stale';
}

/** What `--check` and the build say about a clip that does not speak its entry's text. */
export function clipProblem(use: ClipUse): string {
  return use.state === 'stale'
    ? `content/voice/${use.file} is stale: ${use.source} (${use.lang}) has changed since the clip was made`
    : `content/voice/${use.file} is not registered: nothing records which text of ${use.source} (${use.lang}) it speaks`;
}

/** The clips pages may play: every converted clip except those whose entry's text changed or that nobody registered. */
export function playableClips<T>(converted: Record<string, T>, uses: readonly ClipUse[]): Record<string, T> {
  const silent = new Set(uses.filter((use) => use.state !== 'current').map((use) => use.file));
  return Object.fromEntries(Object.entries(converted).filter(([file]) => !silent.has(file)));
}
