/**
 * The content fields for voice clips. MDX pages and activities have one `clip` per language file;
 * venues, staff and meetings (YAML, all languages in one file) have `clips: { <lang>: clip }`.
 * The files live in content/voice/; the build checks and converts them (src/voice/voiceIntegration.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'astro/zod';
import { langs } from '#src/i18n/locales.ts';
import { extensionProblem } from './checkClip.ts';

/** content/voice/, where uploaded clips are stored. */
export const voiceDir = fileURLToPath(new URL('../../content/voice/', import.meta.url));

export const voiceKinds = ['recorded', 'synthetic'] as const;

export const voiceClip = z.strictObject({
  /** The clip's file name in content/voice/ (the admin's upload puts it there). */
  file: z
    .string({ error: 'is missing: the name of a file in content/voice/' })
    .transform((value) => path.basename(value.trim()))
    .superRefine((file, ctx) => {
      const wrongFormat = extensionProblem(file);
      if (wrongFormat) ctx.addIssue({ code: 'custom', message: wrongFormat });
      else if (!fs.existsSync(path.join(voiceDir, file))) {
        ctx.addIssue({ code: 'custom', message: `there is no content/voice/${file}: upload the recording, or remove the clip` });
      }
    }),
  /** `recorded`: a person speaking; `synthetic`: a computer voice (the page then says so). */
  voice: z.enum(voiceKinds, { error: 'must be "recorded" (a person) or "synthetic" (a computer voice)' }),
});
export type VoiceClip = z.infer<typeof voiceClip>;

/** One clip per site language, for entries whose languages share one file. */
export const voiceClips = z.partialRecord(z.enum(langs as [string, ...string[]]), voiceClip, {
  error: 'must list clips by language code, e.g. "ar: { file: …, voice: recorded }"',
});
export type VoiceClips = z.infer<typeof voiceClips>;
