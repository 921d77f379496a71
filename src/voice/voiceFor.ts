/**
 * The player's data for an entry in the page's language: the converted sources and whether the
 * voice is a person's. Only a clip in the page's own language plays: never another language's voice.
 */
import manifest from 'virtual:aaben-doer/voice-clips';
import type { Lang } from '#src/i18n/locales.ts';
import type { ClipSource } from './convertClip.ts';
import type { VoiceClip, VoiceClips } from './voiceClipSchema.ts';

export interface VoiceForPage {
  /** The <source> elements, in order. */
  sources: ClipSource[];
  /** True for a computer voice: the player says so. */
  synthetic: boolean;
  /** Length in seconds. */
  seconds: number;
}

/** The clip of a per-language file (pages, activities): only when the file is in the page's language. */
export function voiceForFile(clip: VoiceClip | undefined, fileLang: Lang, pageLang: Lang): VoiceForPage | undefined {
  return fileLang === pageLang ? prepared(clip) : undefined;
}

/** The clip in the page's language from a `clips` map (venues, staff, meetings). */
export function voiceForLang(clips: VoiceClips | undefined, lang: Lang): VoiceForPage | undefined {
  return prepared(clips?.[lang]);
}

function prepared(clip: VoiceClip | undefined): VoiceForPage | undefined {
  const entry = clip && manifest[clip.file];
  return entry && { sources: entry.sources, synthetic: clip.voice === 'synthetic', seconds: entry.seconds };
}
