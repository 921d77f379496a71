/**
 * The bench's voice section (cheap: reads the conversion cache, converts only what is not cached):
 * bytes per minute of speech for each format the build serves, over every clip in content/voice/.
 * The page weight before play is measured by the page-weight section: players use preload="none".
 */
import path from 'node:path';
import { clipOutputs } from '#src/voice/clipFormats.ts';
import { prepareClips, type VoiceManifest } from '#src/voice/convertClip.ts';
import { table, type TableOptions } from './formatReport.ts';

/** One audio format's bytes over every clip. */
export interface VoiceRow {
  format: string;
  type: string;
  clips: number;
  seconds: number;
  bytes: number;
  bytesPerMinute: number;
}

/** Bytes per minute of speech for each format the build serves, over the clips of `manifest`. */
export function voiceBytesPerMinute(manifest: VoiceManifest): VoiceRow[] {
  const clips = Object.values(manifest);
  const seconds = clips.reduce((sum, c) => sum + c.seconds, 0);
  return clipOutputs.map((output) => {
    const bytes = clips.reduce((sum, c) => sum + (c.sources.find((s) => s.type === output.type)?.bytes ?? 0), 0);
    return {
      format: output.label,
      type: output.type,
      clips: clips.length,
      seconds: Math.round(seconds),
      bytes,
      bytesPerMinute: seconds ? Math.round((bytes / seconds) * 60) : 0,
    };
  });
}

/** The voice figures of the project at `root`. */
export async function measureVoice(root: string): Promise<VoiceRow[]> {
  const { manifest, problems } = await prepareClips({
    dir: path.join(root, 'content', 'voice'),
    cacheDir: path.join(root, 'node_modules', '.cache', 'aaben-doer-voice'),
    displayRoot: root,
  });
  if (problems.length) throw new Error(problems.join('\n'));
  return voiceBytesPerMinute(manifest);
}

/** The voice figures as a table. */
export function voiceTable(rows: VoiceRow[], o?: TableOptions): string {
  return table(
    ['format', 'clips', 'speech', 'bytes', 'KB per minute', 'kbit/s'],
    rows.map((r) => [
      r.format,
      r.clips,
      `${Math.floor(r.seconds / 60)}:${String(r.seconds % 60).padStart(2, '0')}`,
      r.bytes,
      (r.bytesPerMinute / 1000).toFixed(0),
      ((r.bytesPerMinute * 8) / 60 / 1000).toFixed(1),
    ]),
    o,
  );
}
