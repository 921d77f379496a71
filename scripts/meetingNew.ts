#!/usr/bin/env node
/**
 * npm run meeting:new: writes content/meetings/<date>-<venue>.yaml for a new information meeting.
 * Asks for what is missing (or takes flags), checks the file with the same schema as the build,
 * and refuses a date in the past, an end before the start and an unknown venue.
 *
 *   npm run meeting:new
 *   npm run meeting:new -- --date 2027-03-04 --start 17:00 --end 19:00 --venue beboerhuset \
 *     --interpreters ar,so --childcare --women-only --free --bring-friend --title-da "Informationsmøde"
 *
 * MEETING_NEW_NOW (an ISO time) replaces the clock, for tests.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Document, isScalar, isSeq } from 'yaml';
import { copenhagenOffset, meetingSchema } from '#src/meetings/meetingSchema.ts';
import { venueSchema } from '#src/meetings/venueSchema.ts';
import { parseYamlEntry, readYamlDir } from '#src/contentLoaders/readYamlDir.ts';

const flags = ['childcare', 'women-only', 'free', 'bring-friend'] as const;
type Flag = (typeof flags)[number];
const flagField = { childcare: 'childcare', 'women-only': 'womenOnly', free: 'free', 'bring-friend': 'bringFriend' } as const;

const options = {
  date: { type: 'string' },
  start: { type: 'string' },
  end: { type: 'string' },
  venue: { type: 'string' },
  interpreters: { type: 'string' },
  'title-da': { type: 'string' },
  'notes-da': { type: 'string' },
  id: { type: 'string' },
  root: { type: 'string' },
  'dry-run': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  ...(Object.fromEntries(
    flags.flatMap((f) => [
      [f, { type: 'boolean' }],
      [`no-${f}`, { type: 'boolean' }],
    ]),
  ) as Record<Flag | `no-${Flag}`, { type: 'boolean' }>),
} as const;

/** The command line as parseArgs reads it: the text options, and each flag with its "no-" twin. */
export type MeetingArgs = { [K in 'date' | 'start' | 'end' | 'venue' | 'interpreters' | 'title-da' | 'notes-da' | 'id']?: string } & {
  [F in Flag | `no-${Flag}`]?: boolean;
};

/** The meeting file's fields, in the order they are written. */
interface MeetingDraft {
  start: string;
  end: string;
  venue: string;
  interpreters: string[];
  childcare?: boolean;
  womenOnly?: boolean;
  free?: boolean;
  bringFriend?: boolean;
  title?: { da: string };
  notes?: { da: string };
  cancelled?: boolean;
}

/** A mistake in the input: printed as it is, without a stack trace. */
export class InputError extends Error {}

/** "2027-03-04", "4.3.2027", "4/3/2027" or "4-3-2027" (Danish order) → "2027-03-04". */
export function parseDate(text: string): string {
  const s = String(text).trim();
  let y: string | undefined;
  let m: string | undefined;
  let d: string | undefined;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (match) [, y, m, d] = match;
  else if ((match = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(s))) [, d, m, y] = match;
  if (!y || !m || !d) throw new InputError(`date "${s}" is not a date: write it as 2027-03-04 (or 4.3.2027)`);
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const check = new Date(`${iso}T12:00:00Z`);
  if (Number.isNaN(check.getTime()) || check.toISOString().slice(0, 10) !== iso) {
    throw new InputError(`date "${s}" does not exist in the calendar`);
  }
  return iso;
}

/** "17:00", "17.00", "17" or "9:30" → "17:00". */
export function parseClock(text: string, what: string): string {
  const match = /^(\d{1,2})(?:[:.](\d{2}))?$/.exec(String(text).trim());
  const [, hours, minutes = '00'] = match ?? [];
  if (hours === undefined || +hours > 23 || +minutes > 59) {
    throw new InputError(`${what} time "${text}" is not a time: write it as 17:00`);
  }
  return `${hours.padStart(2, '0')}:${minutes}`;
}

/** The local Copenhagen time `date` + `clock` as ISO 8601 with the right offset (winter +01:00, summer +02:00). */
export function copenhagenIso(date: string, clock: string): string {
  const local = `${date}T${clock}:00`;
  const offset = ['+02:00', '+01:00'].find((o) => copenhagenOffset(new Date(`${local}${o}`)) === o);
  if (!offset) throw new InputError(`${date} ${clock} does not exist in Copenhagen (the clocks jump forward that night)`);
  return `${local}${offset}`;
}

function yesNo(answer: string): boolean {
  const a = answer.trim().toLowerCase();
  if (['y', 'yes', 'j', 'ja'].includes(a)) return true;
  if (['n', 'no', 'nej', ''].includes(a)) return false;
  throw new InputError(`answer "${answer}" with y (yes) or n (no)`);
}

/**
 * Builds the meeting file from `args` (parsed flags), asking `ask(question)` for what is missing.
 * Returns { path, text }; writes nothing.
 */
export async function buildMeeting(
  args: MeetingArgs,
  { root, now, ask }: { root: string; now: Date; ask?: (question: string) => Promise<string> },
): Promise<{ path: string; text: string }> {
  const venuesDir = join(root, 'content', 'venues');
  const venues = readYamlDir(venuesDir, venueSchema, root);
  if (venues.length === 0) throw new InputError(`there are no venues: add one in ${relative(root, venuesDir) || venuesDir}/ first`);
  const get = async (name: 'date' | 'start' | 'end' | 'venue', question: string) =>
    args[name] ?? (ask ? await ask(question) : missing(name));

  const date = parseDate(await get('date', 'Date (e.g. 2027-03-04): '));
  const start = copenhagenIso(date, parseClock(await get('start', 'Starts at (e.g. 17:00): '), 'start'));
  const end = copenhagenIso(date, parseClock(await get('end', 'Ends at (e.g. 19:00): '), 'end'));
  if (new Date(start) <= now) {
    const nowText = `${now.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
    throw new InputError(`the meeting would start in the past (${date} ${start.slice(11, 16)}; it is now ${nowText})`);
  }
  if (new Date(end) <= new Date(start))
    throw new InputError(`the end (${end.slice(11, 16)}) is not after the start (${start.slice(11, 16)})`);

  const venueList = venues.map((v, i) => `  ${i + 1}. ${v.id} (${v.data.name}, ${v.data.address.street})`).join('\n');
  let venue = await get('venue', `Venue:\n${venueList}\nNumber or id: `);
  const numbered = /^\d+$/.test(venue.trim()) ? venues[+venue - 1] : undefined;
  if (numbered) venue = numbered.id;
  venue = venue.trim();
  if (!venues.some((v) => v.id === venue)) {
    throw new InputError(
      `unknown venue "${venue}": choose one of ${venues.map((v) => v.id).join(', ')} (or add content/venues/${venue}.yaml first)`,
    );
  }

  const interpretersText = args.interpreters ?? (ask ? await ask('Interpreter languages, comma-separated (e.g. ar,so,fa) or empty: ') : '');
  const interpreters = interpretersText.split(/[\s,]+/).filter(Boolean);

  const meeting: MeetingDraft = { start, end, venue, interpreters };
  for (const f of flags) {
    if (args[f]) meeting[flagField[f]] = true;
    else if (args[`no-${f}`]) meeting[flagField[f]] = false;
    else meeting[flagField[f]] = ask ? yesNo(await ask(`${f.replace('-', ' ')}? (y/n): `)) : false;
  }
  if (args['title-da']) meeting.title = { da: args['title-da'] };
  if (args['notes-da']) meeting.notes = { da: args['notes-da'] };
  meeting.cancelled = false;

  const id = args.id ?? uniqueId(join(root, 'content', 'meetings'), `${date}-${venue}`);
  const path = join(root, 'content', 'meetings', `${id}.yaml`);
  const text = `# Information meeting, made with "npm run meeting:new". See README, "Publish a meeting".\n${toYaml(meeting)}`;

  // The same check as the build: what this writes always builds.
  const result = parseYamlEntry(relative(root, path), text, meetingSchema({ venueIds: new Set(venues.map((v) => v.id)) }));
  if (!result.ok) throw new InputError(result.problems.join('\n'));
  if (existsSync(path)) throw new InputError(`${relative(root, path)} exists already: choose another --id`);
  return { path, text };
}

/** YAML as staff would write it: times in quotes (no tool can mistake them), languages as [ar, so]. */
function toYaml(meeting: MeetingDraft): string {
  const doc = new Document(meeting);
  for (const key of ['start', 'end']) {
    const time = doc.get(key, true);
    if (isScalar(time)) time.type = 'QUOTE_DOUBLE';
  }
  const interpreters = doc.get('interpreters', true);
  if (isSeq(interpreters)) interpreters.flow = true;
  return doc.toString({ flowCollectionPadding: false });
}

function missing(name: string): never {
  throw new InputError(`--${name} is missing (run in a terminal to be asked, or see --help)`);
}

function uniqueId(dir: string, base: string): string {
  let id = base;
  for (let n = 2; existsSync(join(dir, `${id}.yaml`)); n++) id = `${base}-${n}`;
  return id;
}

async function main() {
  const { values } = parseArgs({ options, strict: true, allowPositionals: false });
  if (values.help) {
    console.log(`Usage: npm run meeting:new [-- --date 2027-03-04 --start 17:00 --end 19:00 --venue <id>
  --interpreters ar,so --childcare --women-only --free --bring-friend --title-da "…" --notes-da "…" --dry-run]
Without flags it asks. Flags: --no-childcare etc. say "no" without asking.`);
    return;
  }
  const root = values.root ?? fileURLToPath(new URL('..', import.meta.url));
  const now = process.env.MEETING_NEW_NOW ? new Date(process.env.MEETING_NEW_NOW) : new Date();
  const rl = process.stdin.isTTY ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;
  try {
    const { path, text } = await buildMeeting(values, { root, now, ask: rl && ((q) => rl.question(q)) });
    if (values['dry-run']) {
      process.stdout.write(text);
      return;
    }
    mkdirSync(join(root, 'content', 'meetings'), { recursive: true });
    writeFileSync(path, text);
    console.log(`Wrote ${relative(root, path)}:\n\n${text}\nCheck it, then commit it (or publish it in the CMS) to put it on the site.`);
  } finally {
    rl?.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((e: Error & { code?: string }) => {
    // Mistakes in what staff typed get the message alone; anything else is a bug and keeps its stack.
    const theirMistake = e instanceof InputError || e?.name === 'ContentError' || e?.code?.startsWith?.('ERR_PARSE_ARGS');
    console.error(`meeting:new: ${theirMistake ? e.message : e.stack}`);
    process.exitCode = 1;
  });
}
