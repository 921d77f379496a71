/**
 * Every voice clip provably speaks its page's current text (issue 25): the hash of the spoken
 * text, the record in content/voice/clip-texts.json, `npm run voices -- --check` on the tree and
 * on a copy where one sentence of a page with a clip changed, and no player for a stale clip.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clipUses, playableClips, readClipTexts } from '#src/voice/clipRegistry.ts';
import { mdxSpokenText, spokenHash, yamlSpokenText } from '#src/voice/spokenText.ts';
import { buildFixture } from '../helpers/buildFixture.ts';

const root = path.resolve('.');

describe('spokenHash()', () => {
  it('is the same for the same words however the lines break, and differs for one changed word', () => {
    expect(spokenHash('Kom forbi.\n\nVi  er her.')).toBe(spokenHash('Kom forbi. Vi er her.'));
    expect(spokenHash('Kom forbi. Vi er her.')).not.toBe(spokenHash('Kom forbi. Vi er der.'));
  });
});

describe('the spoken text of an entry', () => {
  it('is an MDX page its title and body without Markdown marks or imports', () => {
    const raw = [
      '---',
      'title: Velkommen',
      'clip:',
      '  file: x.da.opus',
      '  voice: synthetic',
      '---',
      "import X from 'y';",
      '',
      '**Kom** til [mødet](/da/meetings/).',
      '',
    ].join('\n');
    expect(mdxSpokenText(raw)).toBe('Velkommen.\n\n\n\nKom til mødet.');
  });

  it('is a venue its directions and a staff member her name, role and words, in the clip language', () => {
    expect(yamlSpokenText('venues', { directions: { so: 'Raac bas 121.' } }, 'so')).toBe('Raac bas 121.');
    expect(yamlSpokenText('staff', { name: 'Maryam', role: { ar: 'دور' }, bio: { ar: 'نص' } }, 'ar')).toBe('Maryam. دور. نص');
    expect(yamlSpokenText('staff', { name: 'Maryam', role: { ar: 'دور' } }, 'so')).toBeUndefined();
  });
});

describe('the clips on the tree', () => {
  const uses = clipUses(root);

  it('every clip the content uses is registered and speaks its page’s current text', () => {
    expect(uses.length).toBeGreaterThanOrEqual(24);
    expect(uses.filter((u) => u.state !== 'current').map((u) => u.file)).toEqual([]);
  });

  it('the home page and mentor clips were made from today’s text', () => {
    const texts = readClipTexts(root);
    for (const lang of ['da', 'en', 'ar', 'tr', 'ur', 'fa']) {
      const home = uses.find((u) => u.file === `page-home.${lang}.opus`)!;
      expect(texts[home.file]?.hash, lang).toBe(spokenHash(home.text));
      expect(
        uses.some((u) => u.file === `activity-mentor.${lang}.opus` && u.state === 'current'),
        lang,
      ).toBe(true);
    }
    // The old home text ("Døren er åben. Kom forbi") is not what the Danish clip speaks.
    expect(uses.find((u) => u.file === 'page-home.da.opus')!.text).not.toContain('Døren er åben');
  });

  it('Somali has no clip: no player rather than another language’s voice', () => {
    expect(uses.filter((u) => u.lang === 'so')).toEqual([]);
  });

  it('the translation status shows the clips (`npm run translations`; /translation-status/ reads the same list)', () => {
    const run = spawnSync(process.execPath, ['scripts/translations.ts'], { cwd: root, encoding: 'utf8' });
    expect(run.stdout).toContain(`${uses.length} voice clips: ${uses.length} speak their page's current text, 0 do not play.`);
    const json = JSON.parse(spawnSync(process.execPath, ['scripts/translations.ts', '--json'], { cwd: root, encoding: 'utf8' }).stdout) as {
      clips: { file: string; state: string }[];
    };
    expect(json.clips).toContainEqual(expect.objectContaining({ file: 'page-home.ar.opus', state: 'current' }));
  });

  it('`npm run voices -- --check` passes on the tree', () => {
    const run = spawnSync(process.execPath, ['scripts/voices.ts', '--check'], { cwd: root, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/clip\(s\) speak their page's current text/);
  });
});

describe('a page whose text changed after its clip was made', () => {
  it('`--check` fails and names the clip (in a copy where one sentence of the Arabic home page changed)', () => {
    const run = buildFixture(
      (dir) => {
        const file = path.join(dir, 'content/pages/ar/home.mdx');
        const raw = fs.readFileSync(file, 'utf8');
        const lines = raw.split('\n');
        const sentence = lines.findIndex((line, i) => i > 3 && /[\u0600-\u06ff]/.test(line) && !line.includes(':'));
        lines[sentence] = `${lines[sentence]} جملة جديدة.`;
        fs.writeFileSync(file, lines.join('\n'));
      },
      undefined,
      { command: ['scripts/voices.ts', '--check'], timeout: 60_000 },
    );
    expect(run.status).toBe(1);
    expect(run.output).toContain('content/voice/page-home.ar.opus is stale: content/pages/ar/home.mdx (ar) has changed');
    expect(run.output).not.toContain('page-home.da.opus');
    expect(run.output).toMatch(/1 of \d+ clip\(s\) do not speak/);
  });

  it('gets no player: the build leaves the stale clip out of the pages’ clips', () => {
    const uses = clipUses(root).map((u) => (u.file === 'page-home.ar.opus' ? { ...u, state: 'stale' as const } : u));
    const converted = { 'page-home.ar.opus': 1, 'page-home.da.opus': 2 };
    expect(playableClips(converted, uses)).toEqual({ 'page-home.da.opus': 2 });
  });

  it('a clip nobody registered does not play either', () => {
    const uses = clipUses(root, {});
    expect(uses.every((u) => u.state === 'unregistered')).toBe(true);
    expect(playableClips({ 'page-home.da.opus': 1 }, uses)).toEqual({});
  });
});
