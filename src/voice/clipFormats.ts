/**
 * Which voice-clip files staff may bring, and what the build turns them into.
 *
 * What plays where (MDN "Web audio codec guide" / "Media container formats", caniuse, WebKit notes):
 * - AAC-LC in MP4 (.m4a) plays in every current browser: Chrome and Samsung Internet on Android,
 *   Safari on iOS and macOS, Chrome/Edge/Firefox on the desktop. It is the one format for every phone.
 * - Opus in WebM plays in Chrome, Firefox and Edge, and in Safari since 15 (macOS 12 / iOS 15); Opus in
 *   Ogg (a WhatsApp voice note) does not play in Safari. Opus is clearer than AAC-LC at speech bitrates,
 *   so it is offered first and .m4a second: a browser takes the first <source> it can play.
 * - AMR (.amr, .3gp from older Android recorders), ALAC and Ogg play in no browser on every phone, so
 *   every clip is converted at build time (src/voice/convertClip.ts) to both outputs, mono speech.
 */

/** The file endings staff may upload, with where such a file usually comes from (for messages and docs). */
export const acceptedInputs: Readonly<Record<string, string>> = {
  opus: 'WhatsApp voice note (Ogg Opus)',
  ogg: 'WhatsApp voice note or Android recorder (Ogg Opus/Vorbis)',
  m4a: 'iPhone voice memo or Android recorder (AAC or Apple Lossless)',
  qta: 'iPhone voice memo, newer iOS (QuickTime audio)',
  mp4: 'phone recording (AAC in MP4)',
  aac: 'Android recorder (AAC)',
  '3gp': 'Android recorder (AMR or AAC in 3GP)',
  amr: 'Android recorder (AMR)',
  mp3: 'MP3',
  wav: 'WAV',
  webm: 'browser or Android recording (WebM Opus)',
  flac: 'FLAC',
};

/** The audio codecs the converter decodes (ffprobe's codec_name). */
export const acceptedCodecs = ['opus', 'vorbis', 'aac', 'alac', 'amr_nb', 'amr_wb', 'mp3', 'flac', 'pcm_s16le', 'pcm_s24le', 'pcm_f32le'];

/** One output format of the build, in the order of the <source> elements. */
export interface ClipOutput {
  /** File ending of the converted file. */
  ext: 'webm' | 'm4a';
  /** The <source type>, with codecs so a browser that cannot play it skips it without a download. */
  type: string;
  /** Human name for reports and the bench. */
  label: string;
  /** The codec (ffprobe's name): an input already in it, mono and at most `kbps`, is copied, not re-encoded. */
  codec: 'opus' | 'aac';
  /** Target bitrate in kbit/s. */
  kbps: number;
  /** ffmpeg arguments after the input that encode to this output. */
  encode: string[];
  /** ffmpeg's container name for this output. */
  container: string;
}

export const clipOutputs: readonly ClipOutput[] = [
  {
    ext: 'webm',
    type: 'audio/webm; codecs="opus"',
    label: 'Opus mono, at most 24 kbit/s (WebM)',
    codec: 'opus',
    kbps: 24,
    encode: ['-ac', '1', '-c:a', 'libopus', '-b:a', '24k', '-application', 'voip'],
    container: 'webm',
  },
  {
    ext: 'm4a',
    type: 'audio/mp4; codecs="mp4a.40.2"',
    label: 'AAC-LC mono (M4A)',
    codec: 'aac',
    kbps: 48,
    // FFmpeg's own AAC encoder does not go below about 40 kbit/s for mono speech whatever -b:a says;
    // 22.05 kHz with an 8 kHz cutoff keeps it there, and the fast coder is 7× quicker in WebAssembly.
    encode: ['-ac', '1', '-ar', '22050', '-c:a', 'aac', '-b:a', '24k', '-aac_coder', 'fast', '-cutoff', '8000', '-movflags', '+faststart'],
    container: 'mp4',
  },
];

/** The longest clip: about a minute is the aim, three minutes the limit. */
export const maxClipSeconds = 180;

/** Budget per converted file: three minutes of the larger output (AAC, about 40 kbit/s = 900 KB) and a margin. */
export const maxClipBytes = 1_000_000;

/** Bumped when the outputs change, so cached conversions are made again. */
export const conversionVersion = 2;
