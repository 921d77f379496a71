#!/usr/bin/env node
/**
 * npm run voices: makes the DEMO voice clips with a speech synthesiser and marks them `voice: synthetic`;
 * checks that every clip still speaks its page's text; converts and registers a clip staff recorded.
 * Each clip made or registered here is written into content/voice/clip-texts.json with the hash of the
 * exact text it speaks (src/voice/clipRegistry.ts): after the text changes the build leaves the clip
 * out (no player rather than a voice saying something else) until it is made or recorded again.
 * Making never replaces a clip marked `recorded`.
 *
 * The synthesiser is eSpeak NG (Debian: apt-get install espeak-ng): it installs from Debian, runs offline
 * and speaks Danish, English, Arabic, Turkish, Urdu and Persian. It has no Somali voice, so Somali gets no
 * clip: a wrong-language voice would be worse than none. Clips are content: the site builds without it.
 *
 *   npm run voices                 all demo clips (home page, one activity, one venue, one staff member)
 *   npm run voices -- --lang=ar    only Arabic
 *   npm run voices -- --check      exit 1 naming every clip whose text changed (or that nobody registered)
 *   npm run voices -- --register recording.m4a --for content/pages/so/home.mdx
 *                                  a recording from a phone: converted, put in content/voice/, set as the
 *                                  entry's clip (voice: recorded) and registered with the text's hash
 *                                  (a YAML entry needs --lang: --for content/venues/x.yaml --lang so)
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { isLang, langs, type Lang } from '#src/i18n/locales.ts';
import { ffmpegConvert } from '#src/voice/convertClip.ts';
import { clipProblem, clipUses, entrySpokenText, readClipTexts, writeClipTexts } from '#src/voice/clipRegistry.ts';
import { spokenHash } from '#src/voice/spokenText.ts';
import { extensionProblem } from '#src/voice/checkClip.ts';

const root = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const voiceDir = path.join(root, 'content', 'voice');
const { values: args } = parseArgs({
  options: { lang: { type: 'string' }, check: { type: 'boolean' }, register: { type: 'string' }, for: { type: 'string' } },
});

/** eSpeak NG's voice per site language; a language missing here gets no clip. */
const espeakVoice: Partial<Record<Lang, string>> = { da: 'da', en: 'en-gb', ar: 'ar', tr: 'tr', ur: 'ur', fa: 'fa' };

/** The demo entries: an MDX page per language, or a YAML entry with a clip per language. */
const targets: { name: string; source: (lang: Lang) => string }[] = [
  { name: 'page-home', source: (lang) => `content/pages/${lang}/home.mdx` },
  { name: 'activity-mentor', source: (lang) => `content/activities/${lang}/mentor.mdx` },
  { name: 'venue-beboerhuset-greve-nord', source: () => 'content/venues/beboerhuset-greve-nord.yaml' },
  { name: 'staff-maryam', source: () => 'content/staff/maryam.yaml' },
];

if (args.check) {
  const uses = clipUses(root);
  const bad = uses.filter((use) => use.state !== 'current');
  for (const use of bad) console.error(clipProblem(use));
  if (bad.length) {
    console.error(
      `${bad.length} of ${uses.length} clip(s) do not speak their page's current text: ` +
        'make them again (npm run voices) or record them again.',
    );
    process.exit(1);
  }
  console.log(`${uses.length} clip(s) speak their page's current text.`);
  process.exit(0);
}

if (args.register !== undefined) {
  await register(args.register, args.for, args.lang);
  process.exit(0);
}

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

/** Speaks `text` with eSpeak NG's `voice` and returns a small Ogg Opus clip (mono, 16 kbit/s: like a WhatsApp voice note). */
async function speak(text: string, voice: string): Promise<Uint8Array> {
  const wav = execFileSync('espeak-ng', ['-v', voice, '-s', '140', '--stdout'], { input: text, maxBuffer: 64 << 20 });
  return ffmpegConvert(wav, ['-ac', '1', '-c:a', 'libopus', '-b:a', '16k', '-application', 'voip', '-map_metadata', '-1', '-f', 'ogg']);
}

/** Puts `clip:` into an MDX file's front matter; a synthetic one never replaces a recorded one. */
function setMdxClip(file: string, clipFile: string, voice: 'synthetic' | 'recorded'): boolean {
  const raw = fs.readFileSync(file, 'utf8');
  const match = /^---\n([\s\S]*?)\n---/.exec(raw);
  if (!match) throw new Error(`${file} has no front matter`);
  const front = match[1] ?? '';
  if (voice === 'synthetic' && parseDocument(front).getIn(['clip', 'voice']) === 'recorded') return false;
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
  kept.push('clip:', `  file: ${clipFile}`, `  voice: ${voice}`);
  fs.writeFileSync(file, `---\n${kept.join('\n')}\n---${raw.slice(match[0].length)}`);
  return true;
}

/** Sets `clips.<lang>` in a YAML entry, keeping its comments and quoting; a synthetic clip never replaces a recorded one. */
function setYamlClip(file: string, lang: Lang, clipFile: string, voice: 'synthetic' | 'recorded'): boolean {
  const doc = parseDocument(fs.readFileSync(file, 'utf8'));
  if (voice === 'synthetic' && doc.getIn(['clips', lang, 'voice']) === 'recorded') return false;
  doc.setIn(['clips', lang], doc.createNode({ file: clipFile, voice }));
  fs.writeFileSync(file, doc.toString({ lineWidth: 0, flowCollectionPadding: false }));
  return true;
}

fs.mkdirSync(voiceDir, { recursive: true });
const texts = readClipTexts(root);
let made = 0;
for (const lang of langs.filter((l) => !args.lang || l === args.lang)) {
  const voice = espeakVoice[lang];
  if (!voice || !installed.has(voice)) {
    console.log(`${lang}: eSpeak NG has no voice for this language: no clip (never another language's voice)`);
    continue;
  }
  for (const target of targets) {
    const source = target.source(lang);
    if (!fs.existsSync(path.join(root, source))) continue;
    const text = entrySpokenText(root, source, lang);
    if (!text) continue;
    const clipFile = `${target.name}.${lang}.opus`;
    const set = setClip(source, lang, clipFile, 'synthetic');
    if (!set) {
      console.log(`${source} (${lang}) has a recorded clip: left alone`);
      continue;
    }
    const clip = await speak(text, voice);
    fs.writeFileSync(path.join(voiceDir, clipFile), clip);
    texts[clipFile] = { source, lang, hash: spokenHash(text) };
    made += 1;
    console.log(`content/voice/${clipFile}: ${Math.round(clip.length / 1000)} KB`);
  }
}
writeClipTexts(root, texts);
console.log(`${made} demo clip(s) made with eSpeak NG, marked voice: synthetic, registered in content/voice/clip-texts.json.`);

/** Sets the entry's clip (front matter `clip:`, or `clips.<lang>` in YAML); false when a recorded one is there and `voice` is synthetic. */
function setClip(source: string, lang: Lang, clipFile: string, voice: 'synthetic' | 'recorded'): boolean {
  const file = path.join(root, source);
  return source.endsWith('.yaml') ? setYamlClip(file, lang, clipFile, voice) : setMdxClip(file, clipFile, voice);
}

/** The clip's file name for an entry: page-home.so.opus, venue-x.so.opus, staff-maryam.ar.opus … */
function clipNameFor(source: string, lang: Lang): string {
  const [, kind = '', ...rest] = source.split('/');
  const slug = (rest.at(-1) ?? '').replace(/\.(mdx?|yaml)$/, '');
  const prefix: Record<string, string> = {
    pages: 'page',
    activities: 'activity',
    stories: 'story',
    venues: 'venue',
    staff: 'staff',
    meetings: 'meeting',
  };
  if (!prefix[kind])
    throw new Error(`${source} is not an entry that can have a clip (pages, activities, stories, venues, staff, meetings)`);
  return `${prefix[kind]}-${slug}.${lang}.opus`;
}

/** A recording from a phone: converted to a small Opus clip, set as the entry's recorded clip, registered. */
async function register(recording: string, source: string | undefined, langArg: string | undefined): Promise<void> {
  if (!source) throw new Error('--register needs --for: the entry the recording speaks, e.g. --for content/pages/so/home.mdx');
  const relative = path.relative(root, path.resolve(source)).split(path.sep).join('/');
  const lang = source.endsWith('.yaml') ? langArg : relative.split('/')[2];
  if (!lang || !isLang(lang)) throw new Error(`which language does the recording speak? Add --lang (one of ${langs.join(', ')})`);
  if (!fs.existsSync(recording)) throw new Error(`there is no file ${recording}`);
  const wrong = extensionProblem(path.basename(recording));
  if (wrong) throw new Error(wrong);
  const text = entrySpokenText(root, relative, lang);
  if (!text) throw new Error(`${relative} has no text in ${lang} for a clip to speak`);
  const clip = await ffmpegConvert(new Uint8Array(fs.readFileSync(recording)), [
    '-ac',
    '1',
    '-c:a',
    'libopus',
    '-b:a',
    '24k',
    '-application',
    'voip',
    '-map_metadata',
    '-1',
    '-f',
    'ogg',
  ]);
  const clipFile = clipNameFor(relative, lang);
  fs.mkdirSync(voiceDir, { recursive: true });
  fs.writeFileSync(path.join(voiceDir, clipFile), clip);
  setClip(relative, lang, clipFile, 'recorded');
  const texts = readClipTexts(root);
  texts[clipFile] = { source: relative, lang, hash: spokenHash(text) };
  writeClipTexts(root, texts);
  console.log(
    `content/voice/${clipFile}: ${Math.round(clip.length / 1000)} KB, the clip of ${relative} (${lang}), voice: recorded, registered.`,
  );
}
