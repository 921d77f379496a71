/**
 * The build's checks on one voice clip. Each problem names the file and says how to fix it,
 * in words a staff member can act on. Pure functions: the converter supplies what it measured.
 */
import { acceptedCodecs, acceptedInputs, maxClipBytes, maxClipSeconds } from './clipFormats.ts';

/** What the converter learnt about an input file. */
export interface ClipProbe {
  /** The first audio stream's codec (ffprobe codec_name), or undefined when there is none or the file is unreadable. */
  codec?: string;
  /** Length in seconds, when known. */
  seconds?: number;
  /** Number of channels of the first audio stream. */
  channels?: number;
  /** Bitrate in bit/s, when known. */
  bitRate?: number;
}

const acceptedList = Object.keys(acceptedInputs)
  .map((ext) => `.${ext}`)
  .join(', ');

const howToSend =
  'send it from the phone as a file (WhatsApp: share the voice note as a file; iPhone: Voice Memos → Share → Save to Files)';

/** The lower-cased file ending, without the dot. */
export function clipExtension(file: string): string {
  const dot = file.lastIndexOf('.');
  return dot < 0 ? '' : file.slice(dot + 1).toLowerCase();
}

/** Why the file's ending is not a clip we accept, or undefined when it is. */
export function extensionProblem(file: string): string | undefined {
  const ext = clipExtension(file);
  if (ext in acceptedInputs) return undefined;
  return `${file}: unsupported format "${ext ? `.${ext}` : 'no file ending'}": a voice clip must be one of ${acceptedList}; ${howToSend}`;
}

/** Problems with what the file holds (no audio, an unknown codec, too long). */
export function probeProblems(file: string, probe: ClipProbe): string[] {
  if (!probe.codec) return [`${file}: no sound could be read from the file: it may be damaged or not a recording; ${howToSend}`];
  if (!acceptedCodecs.includes(probe.codec)) {
    return [`${file}: unsupported format: the sound is stored as "${probe.codec}", which the build cannot convert; ${howToSend}`];
  }
  if (probe.seconds !== undefined && probe.seconds > maxClipSeconds) {
    const length = formatLength(probe.seconds);
    return [
      `${file}: the clip is ${length} long, more than ${maxClipSeconds / 60} minutes: ` +
        'record it again, saying what the page says in about a minute',
    ];
  }
  return [];
}

/** Problems with the converted files' sizes. */
export function sizeProblems(file: string, outputs: readonly { label: string; bytes: number }[]): string[] {
  return outputs
    .filter((o) => o.bytes > maxClipBytes)
    .map(
      (o) =>
        `${file}: after conversion to ${o.label} the clip is ${kilobytes(o.bytes)}, over its budget of ${kilobytes(maxClipBytes)}: ` +
        'record a shorter message (about a minute)',
    );
}

/** 95 → "1:35". */
export function formatLength(seconds: number): string {
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')} min`;
}

const kilobytes = (bytes: number) => `${Math.round(bytes / 1000)} KB`;
