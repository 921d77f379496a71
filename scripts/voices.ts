#!/usr/bin/env node
/**
 * npm run voices: makes the DEMO voice clips with a speech synthesiser and marks them `voice: synthetic`.
 * Real clips are recorded by staff (docs/staff.md → "Record a voice message") and uploaded in the admin;
 * this script never replaces a clip marked `recorded`.
 *
 * The synthesiser is eSpeak NG (Debian: apt-get install espeak-ng): it installs from Debian, runs offline
 * and speaks Danish, English, Arabic, Turkish, Urdu and Persian. It has no Somali voice, so Somali gets no
 * clip: a wrong-language voice would be worse than none. Clips are content: the site builds without it.
 *
 *   npm run voices              all demo clips (home page, one activity, one venue, one staff member)
 *   npm run voices -- --lang=ar only Arabic
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { langs, type Lang } from '#src/i18n/locales.ts';
import { ffmpegConvert } from '#src/voice/convertClip.ts';

const root = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const voiceDir = path.join(root, 'content', 'voice');
const { values: args } = parseArgs({ options: { lang: { type: 'string' } } });

/** eSpeak NG's voice per site language; a language missing here gets no clip. */
const espeakVoice: Partial<Record<Lang, string>> = { da: 'da', en: 'en-gb', ar: 'ar', tr: 'tr', ur: 'ur', fa: 'fa' };

/** The fields of a YAML entry (a venue, a staff member) that the demo clips read, per language. */
interface YamlEntry {
  name?: string;
  directions?: Partial<Record<Lang, string>>;
  role?: Partial<Record<Lang, string>>;
  bio?: Partial<Record<Lang, string>>;
}

/** A demo entry: an MDX page per language, or a YAML entry whose text per language is picked out. */
type VoiceTarget =
  | { name: string; mdx: (lang: Lang) => string; yaml?: undefined; text?: undefined }
  | { name: string; mdx?: undefined; yaml: string; text: (d: YamlEntry, lang: Lang) => string | undefined };

/** The demo entries: an MDX page per language, or a YAML entry whose text per language is picked out. */
const targets: VoiceTarget[] = [
  { name: 'page-home', mdx: (lang) => `content/pages/${lang}/home.mdx` },
  { name: 'activity-mentor', mdx: (lang) => `content/activities/${lang}/mentor.mdx` },
  { name: 'venue-beboerhuset-greve-nord', yaml: 'content/venues/beboerhuset-greve-nord.yaml', text: (d, lang) => d.directions?.[lang] },
  {
    name: 'staff-maryam',
    yaml: 'content/staff/maryam.yaml',
    text: (d, lang) => d.role?.[lang] && d.bio?.[lang] && `${d.name}. ${d.role[lang]}. ${d.bio[lang]}`,
  },
];

try {
  execFileSync('espeak-ng', ['--version'], { stdio: 'ignore' });
} catch {
  console.error('eSpeak NG is not installed: apt-get install espeak-ng (the site itself builds without it).');
  process.exit(1);
}
const installed = new Set(
  execFileSync('espeak-ng', ['--voices'], { encoding: 'utf8' })
    .split('\n')
    .slice(1)
    .map((line) => line.trim().split(/\s+/)[1]),
);

/** The words of an MDX file as plain sentences: title, then the body without Markdown marks. */
function mdxText(raw: string): string {
  const [, front = '', body = ''] = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(raw) ?? [];
  const title = parseDocument(front).get('title');
  const plain = body
    .replace(/^import .*$/gm, '')
    .replace(/[*_#>`]/g, '')
    .replace(/^\s*-\s+/gm, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
  return `${title}.\n\n${plain}`.trim();
}

/** Speaks `text` with eSpeak NG's `voice` and returns a small Ogg Opus clip (mono, 16 kbit/s: like a WhatsApp voice note). */
async function speak(text: string, voice: string): Promise<Uint8Array> {
  const wav = execFileSync('espeak-ng', ['-v', voice, '-s', '140', '--stdout'], { input: text, maxBuffer: 64 << 20 });
  return ffmpegConvert(wav, ['-ac', '1', '-c:a', 'libopus', '-b:a', '16k', '-application', 'voip', '-map_metadata', '-1', '-f', 'ogg']);
}

/** Puts `clip:` into an MDX file's front matter, unless it already has a recorded one. */
function setMdxClip(file: string, clipFile: string): boolean {
  const raw = fs.readFileSync(file, 'utf8');
  const match = /^---\n([\s\S]*?)\n---/.exec(raw);
  if (!match) throw new Error(`${file} has no front matter`);
  const front = match[1] ?? '';
  if (parseDocument(front).getIn(['clip', 'voice']) === 'recorded') return false;
  const lines = front.split('\n');
  const kept: string[] = [];
  let skipping = false;
  for (const line of lines) {
    // Drop the old clip block: its key and the indented lines under it.
    if (/^clip\s*:/.test(line)) skipping = true;
    else if (!(skipping && /^\s+\S/.test(line))) {
      skipping = false;
      kept.push(line);
    }
  }
  kept.push('clip:', `  file: ${clipFile}`, '  voice: synthetic');
  fs.writeFileSync(file, `---\n${kept.join('\n')}\n---${raw.slice(match[0].length)}`);
  return true;
}

/** Sets `clips.<lang>` in a YAML entry, keeping its comments and quoting; a recorded clip stays. */
function setYamlClip(file: string, lang: Lang, clipFile: string): boolean {
  const doc = parseDocument(fs.readFileSync(file, 'utf8'));
  if (doc.getIn(['clips', lang, 'voice']) === 'recorded') return false;
  doc.setIn(['clips', lang], doc.createNode({ file: clipFile, voice: 'synthetic' }));
  fs.writeFileSync(file, doc.toString({ lineWidth: 0, flowCollectionPadding: false }));
  return true;
}

fs.mkdirSync(voiceDir, { recursive: true });
let made = 0;
for (const lang of langs.filter((l) => !args.lang || l === args.lang)) {
  const voice = espeakVoice[lang];
  if (!voice || !installed.has(voice)) {
    console.log(`${lang}: eSpeak NG has no voice for this language: no clip (never another language's voice)`);
    continue;
  }
  for (const target of targets) {
    const source = target.mdx ? path.join(root, target.mdx(lang)) : path.join(root, target.yaml);
    if (!fs.existsSync(source)) continue;
    const text = target.mdx
      ? mdxText(fs.readFileSync(source, 'utf8'))
      : target.text(parseDocument(fs.readFileSync(source, 'utf8')).toJS(), lang);
    if (!text) continue;
    const clipFile = `${target.name}.${lang}.opus`;
    const set = target.mdx ? setMdxClip(source, clipFile) : setYamlClip(source, lang, clipFile);
    if (!set) {
      console.log(`${path.relative(root, source)} (${lang}) has a recorded clip: left alone`);
      continue;
    }
    const clip = await speak(text, voice);
    fs.writeFileSync(path.join(voiceDir, clipFile), clip);
    made += 1;
    console.log(`content/voice/${clipFile}: ${Math.round(clip.length / 1000)} KB`);
  }
}
console.log(`${made} demo clip(s) made with eSpeak NG, marked voice: synthetic.`);
