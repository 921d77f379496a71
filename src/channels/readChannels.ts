/**
 * Reads and checks content/channels.yaml. A bad file stops the build with "file: field: what is
 * wrong" (channels.2.code: …); a missing file means no channels yet.
 */
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { ContentError, parseYamlEntry } from '#src/contentLoaders/readYamlDir.ts';
import { channelsFileSchema, type Channel } from './channelSchema.ts';

/** The channels in `file`, checked; throws a ContentError naming the file and each bad field. */
export function readChannels(file: string, displayRoot = process.cwd()): Channel[] {
  if (!existsSync(file)) return [];
  const shown = relative(displayRoot, file) || file;
  const parsed = parseYamlEntry(shown, readFileSync(file, 'utf8'), channelsFileSchema);
  if (!parsed.ok) throw new ContentError(parsed.problems);
  return parsed.data.channels;
}
