import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extensionProblem, probeProblems, sizeProblems } from '#src/voice/checkClip.ts';
import { clipOutputs, maxClipBytes } from '#src/voice/clipFormats.ts';
import { canCopy, ffmpegConvert, prepareClips } from '#src/voice/convertClip.ts';
import { voiceClip } from '#src/voice/voiceClipSchema.ts';
import { sourceHash } from '#src/i18n/translationSource.ts';

/** A mono 16-bit WAV of `seconds` of a quiet tone, made in memory (no encoder needed). */
function wav(seconds: number, rate = 8000): Buffer {
  const samples = Math.round(seconds * rate);
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) data.writeInt16LE(Math.round(3000 * Math.sin((2 * Math.PI * 220 * i) / rate)), i * 2);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

describe('checking a voice clip', () => {
  it('accepts the files phones send: WhatsApp, iPhone and Android recordings', () => {
    for (const file of ['a.opus', 'a.ogg', 'a.m4a', 'a.qta', 'a.amr', 'a.3gp', 'a.aac', 'A.M4A'])
      expect(extensionProblem(file), file).toBeUndefined();
  });

  it('refuses an unsupported format, naming the file and how to send it instead', () => {
    const problem = extensionProblem('content/voice/hilsen.wma');
    expect(problem).toContain('content/voice/hilsen.wma');
    expect(problem).toMatch(/unsupported format "\.wma"/);
    expect(problem).toMatch(/as a file/);
  });

  it('refuses a sound stored in a codec the build cannot convert', () => {
    expect(probeProblems('content/voice/x.m4a', { codec: 'ac3', seconds: 10 })[0]).toMatch(/x\.m4a: unsupported format.*"ac3"/);
  });

  it('refuses a file with no readable sound', () => {
    expect(probeProblems('content/voice/x.m4a', {})[0]).toMatch(/x\.m4a: no sound could be read/);
  });

  it('refuses a clip longer than three minutes and says to record it again in about a minute', () => {
    const [problem] = probeProblems('content/voice/long.m4a', { codec: 'aac', seconds: 200 });
    expect(problem).toContain('content/voice/long.m4a');
    expect(problem).toContain('3:20 min');
    expect(problem).toMatch(/about a minute/);
    expect(probeProblems('content/voice/ok.m4a', { codec: 'aac', seconds: 180 })).toEqual([]);
  });

  it('refuses a clip over its size budget after conversion, naming the file and the format', () => {
    const [problem] = sizeProblems('content/voice/big.opus', [
      { label: 'Opus', bytes: 100_000 },
      { label: 'AAC', bytes: maxClipBytes + 1 },
    ]);
    expect(problem).toMatch(/big\.opus: after conversion to AAC .* over its budget/);
    expect(sizeProblems('content/voice/ok.opus', [{ label: 'AAC', bytes: maxClipBytes }])).toEqual([]);
  });

  it('copies a clip that is already mono speech in an output codec instead of encoding it again', () => {
    const opus = clipOutputs.find((o) => o.codec === 'opus')!;
    expect(canCopy({ codec: 'opus', channels: 1, bitRate: 16_000 }, opus)).toBe(true);
    expect(canCopy({ codec: 'opus', channels: 2, bitRate: 16_000 }, opus)).toBe(false);
    expect(canCopy({ codec: 'opus', channels: 1, bitRate: 96_000 }, opus)).toBe(false);
    expect(canCopy({ codec: 'aac', channels: 1, bitRate: 16_000 }, opus)).toBe(false);
  });
});

describe('the clip field in content', () => {
  it('needs recorded or synthetic, and a file that exists in content/voice/', () => {
    expect(voiceClip.safeParse({ file: 'page-home.da.opus', voice: 'synthetic' }).success).toBe(true);
    const missing = voiceClip.safeParse({ file: 'nowhere.m4a', voice: 'recorded' });
    expect(missing.error?.issues[0]?.message).toMatch(/there is no content\/voice\/nowhere\.m4a/);
    expect(voiceClip.safeParse({ file: 'page-home.da.opus', voice: 'robot' }).success).toBe(false);
    expect(voiceClip.safeParse({ file: 'x.wma', voice: 'recorded' }).error?.issues[0]?.message).toMatch(/unsupported format/);
  });

  it('does not make translations outdated when only the Danish clip changes', () => {
    const text = '---\ntitle: Hej\n---\n\nTekst.\n';
    const withClip = '---\ntitle: Hej\nclip:\n  file: a.m4a\n  voice: recorded\n---\n\nTekst.\n';
    expect(sourceHash(withClip)).toBe(sourceHash(text));
    expect(sourceHash(text.replace('Tekst', 'Ny tekst'))).not.toBe(sourceHash(text));
  });
});

describe('prepareClips()', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'voice-clips-'));
  const cacheDir = path.join(dir, 'cache');
  const clips = path.join(dir, 'voice');
  fs.mkdirSync(clips);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('converts a good clip to every output, and names each bad file with what to do', { timeout: 120_000 }, async () => {
    const opus = await ffmpegConvert(wav(2), ['-ac', '1', '-c:a', 'libopus', '-b:a', '16k', '-f', 'ogg']);
    fs.writeFileSync(path.join(clips, 'hello.opus'), opus);
    fs.writeFileSync(path.join(clips, 'memo.wma'), 'not a clip we take');
    fs.writeFileSync(path.join(clips, 'broken.m4a'), 'no sound in here');
    fs.writeFileSync(path.join(clips, 'long.wav'), wav(181));
    const first = await prepareClips({ dir: clips, cacheDir, displayRoot: dir });
    expect(first.problems).toEqual([
      expect.stringMatching(/^voice\/broken\.m4a: no sound could be read/),
      expect.stringMatching(/^voice\/long\.wav: the clip is 3:01 min long/),
      expect.stringMatching(/^voice\/memo\.wma: unsupported format/),
    ]);
    const hello = first.manifest['hello.opus']!;
    expect(hello.seconds).toBeCloseTo(2, 0);
    expect(hello.sources.map((s) => s.type)).toEqual(clipOutputs.map((o) => o.type));
    for (const s of hello.sources) {
      expect(s.bytes).toBeGreaterThan(1000);
      expect(fs.statSync(path.join(cacheDir, path.basename(s.src))).size).toBe(s.bytes);
    }

    const again = await prepareClips({ dir: clips, cacheDir, displayRoot: dir });
    expect(again.converted, 'unchanged clips come from the cache').toBe(0);
    expect(again.manifest).toEqual(first.manifest);
  });
});
