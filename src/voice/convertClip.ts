/**
 * Converts voice clips at build time with FFmpeg compiled to WebAssembly (@ffmpeg/core, the
 * ffmpeg.wasm project: FFmpeg 5.1 with libopus and the native AAC encoder, run inside Node). It comes
 * with `npm install` from the npm registry itself: no binary is downloaded from anywhere else, and it
 * runs the same on every machine. Results are cached by the clip's content, so an unchanged clip is
 * never converted twice.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { clipOutputs, conversionVersion, type ClipOutput } from './clipFormats.ts';
import { clipTextsFile } from './clipRegistry.ts';
import { extensionProblem, probeProblems, sizeProblems, type ClipProbe } from './checkClip.ts';

/** One converted file, as the page's <source>. */
export interface ClipSource {
  /** Web address under the site root, e.g. /voice/3f2a….webm (the name is a content hash: cache forever). */
  src: string;
  /** The <source type>. */
  type: string;
  /** Size in bytes. */
  bytes: number;
}

/** A converted clip. */
export interface PreparedClip {
  /** Length in seconds. */
  seconds: number;
  /** The converted files, in <source> order. */
  sources: ClipSource[];
}

/** Clip file name (in content/voice/) → its converted files. */
export type VoiceManifest = Record<string, PreparedClip>;

interface FfmpegCore {
  FS: { writeFile(name: string, data: Uint8Array): void; readFile(name: string): Uint8Array; unlink(name: string): void };
  exec(...args: string[]): number;
  ffprobe(...args: string[]): number;
  reset(): void;
  setLogger(logger: (m: { type: string; message: string }) => void): void;
}

let corePromise: Promise<FfmpegCore> | undefined;

/** The FFmpeg instance, loaded once per process (about a second). */
async function ffmpeg(): Promise<FfmpegCore> {
  corePromise ??= (async () => {
    const require = createRequire(import.meta.url);
    // The core is built for browser workers; in Node it only needs `self` to exist and the wasm bytes given.
    (globalThis as { self?: unknown }).self ??= { location: { href: import.meta.url } };
    // require(), not import(): Astro loads this file through Vite's module runner, closed before the hook runs.
    const createCore = require('@ffmpeg/core') as (options: object) => Promise<FfmpegCore>;
    return createCore({ wasmBinary: fs.readFileSync(require.resolve('@ffmpeg/core/wasm')) });
  })();
  return corePromise;
}

/** What ffprobe says about `input` (a file in FFmpeg's memory file system). */
function probe(core: FfmpegCore, input: string): ClipProbe {
  core.reset();
  const entries = 'format=duration,bit_rate:stream=codec_name,channels,bit_rate';
  core.ffprobe('-v', 'error', '-select_streams', 'a:0', '-show_entries', entries, '-of', 'json', input, '-o', 'probe.json');
  try {
    const json = JSON.parse(new TextDecoder().decode(core.FS.readFile('probe.json'))) as {
      streams?: { codec_name?: string; channels?: number; bit_rate?: string }[];
      format?: { duration?: string; bit_rate?: string };
    };
    core.FS.unlink('probe.json');
    const number = (value?: string) => (Number.isFinite(Number(value)) && value !== undefined ? Number(value) : undefined);
    const stream = json.streams?.[0];
    return {
      codec: stream?.codec_name,
      seconds: number(json.format?.duration),
      channels: stream?.channels,
      bitRate: number(stream?.bit_rate) ?? number(json.format?.bit_rate),
    };
  } catch {
    return {};
  }
}

/** The cache key of a clip: its bytes and the conversion settings. */
function cacheKey(data: Buffer): string {
  const settings = JSON.stringify({ conversionVersion, outputs: clipOutputs.map((o) => o.encode) });
  return createHash('sha256').update(settings).update(data).digest('hex').slice(0, 20);
}

interface CacheRecord {
  probe: ClipProbe;
  outputs: { ext: string; bytes: number }[];
}

/**
 * Checks and converts every clip in `dir`. Returns the manifest and every problem found (each names
 * the file, relative to `displayRoot`). Converted files are kept in `cacheDir` as <key>.<ext>.
 */
export async function prepareClips({ dir, cacheDir, displayRoot }: { dir: string; cacheDir: string; displayRoot: string }) {
  const manifest: VoiceManifest = {};
  const problems: string[] = [];
  const files = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => !f.startsWith('.') && f !== clipTextsFile && fs.statSync(path.join(dir, f)).isFile())
        .sort()
    : [];
  fs.mkdirSync(cacheDir, { recursive: true });
  let converted = 0;
  for (const name of files) {
    const shown = path.relative(displayRoot, path.join(dir, name));
    const badEnding = extensionProblem(shown);
    if (badEnding) {
      problems.push(badEnding);
      continue;
    }
    const data = fs.readFileSync(path.join(dir, name));
    const key = cacheKey(data);
    const recordFile = path.join(cacheDir, `${key}.json`);
    let record: CacheRecord | undefined = fs.existsSync(recordFile) ? JSON.parse(fs.readFileSync(recordFile, 'utf8')) : undefined;
    if (record && !record.outputs.every((o) => fs.existsSync(path.join(cacheDir, `${key}.${o.ext}`)))) record = undefined;
    if (!record) {
      record = await convert(data, key, cacheDir);
      converted += 1;
      fs.writeFileSync(recordFile, JSON.stringify(record));
    }
    const found = probeProblems(shown, record.probe);
    const sized = found.length
      ? []
      : sizeProblems(
          shown,
          clipOutputs.map((o, i) => ({ label: o.label, bytes: record.outputs[i]?.bytes ?? 0 })),
        );
    if (found.length || sized.length) {
      problems.push(...found, ...sized);
      continue;
    }
    manifest[name] = {
      seconds: Math.round((record.probe.seconds ?? 0) * 10) / 10,
      sources: clipOutputs.map((o, i) => ({ src: `/voice/${key}.${o.ext}`, type: o.type, bytes: record.outputs[i]!.bytes })),
    };
  }
  return { manifest, problems, converted, files: files.length };
}

/** True when the clip is already in the output's codec, mono and not above its bitrate: copied, not re-encoded. */
export function canCopy(probe: ClipProbe, output: ClipOutput): boolean {
  return probe.codec === output.codec && probe.channels === 1 && probe.bitRate !== undefined && probe.bitRate <= output.kbps * 1100;
}

/** Probes and converts one clip; an unreadable or too-long clip gets its probe and no outputs. */
async function convert(data: Buffer, key: string, cacheDir: string): Promise<CacheRecord> {
  const core = await ffmpeg();
  const input = `in-${key}`;
  core.FS.writeFile(input, data);
  try {
    const found = probe(core, input);
    if (probeProblems('', found).length) return { probe: found, outputs: [] };
    const outputs = clipOutputs.map((o) => {
      const out = `out-${key}.${o.ext}`;
      core.reset();
      // -map_metadata -1: a phone's recording carries its model, place and time; none of it goes online.
      const codecArgs = canCopy(found, o) ? ['-c:a', 'copy'] : o.encode;
      const status = core.exec(
        '-hide_banner',
        '-loglevel',
        'error',
        '-i',
        input,
        '-vn',
        '-map_metadata',
        '-1',
        ...codecArgs,
        '-f',
        o.container,
        out,
      );
      if (status !== 0) throw new Error(`FFmpeg could not convert the clip to ${o.label} (exit ${status})`);
      const bytes = core.FS.readFile(out);
      core.FS.unlink(out);
      fs.writeFileSync(path.join(cacheDir, `${key}.${o.ext}`), bytes);
      return { ext: o.ext, bytes: bytes.length };
    });
    return { probe: found, outputs };
  } finally {
    core.FS.unlink(input);
  }
}

/** Runs FFmpeg once on `data` with `args` (after the input) and returns the output file (scripts/voices.ts). */
export async function ffmpegConvert(data: Uint8Array, args: string[]): Promise<Uint8Array> {
  const core = await ffmpeg();
  core.FS.writeFile('convert-in', data);
  try {
    core.reset();
    const status = core.exec('-hide_banner', '-loglevel', 'error', '-i', 'convert-in', ...args, 'convert-out');
    if (status !== 0) throw new Error(`FFmpeg failed (exit ${status})`);
    const out = core.FS.readFile('convert-out');
    core.FS.unlink('convert-out');
    return out;
  } finally {
    core.FS.unlink('convert-in');
  }
}
