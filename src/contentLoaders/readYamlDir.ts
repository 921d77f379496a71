/**
 * Reads a folder of one-entry-per-file YAML (content/meetings/, content/venues/) and checks
 * every file against a zod schema, reporting ALL problems as "file: field: what is wrong".
 *
 * Why not Astro's glob loader: it parses YAML with js-yaml (YAML 1.1), which silently turns an
 * unquoted 2026-12-03T17:00:00 into a UTC Date, so "a time without a time zone" could never be
 * caught. The `yaml` package (YAML 1.2 core schema) keeps it as the string staff wrote.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse, YAMLParseError } from 'yaml';
import type { z } from 'astro/zod';

export interface YamlEntry<T> {
  /** File name without .yaml: the entry's id and its URL slug. */
  id: string;
  /** Absolute path of the file. */
  filePath: string;
  /** The file's text (for change detection). */
  text: string;
  data: T;
}

/** A content problem, with every message already naming the file and the field. */
export class ContentError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Content has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ContentError';
    this.problems = problems;
  }
}

const idPattern = /^[a-z0-9][a-z0-9-]*$/;

/** The YAML file names in `dir`, sorted; [] when the folder does not exist. */
function yamlFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => /\.ya?ml$/.test(f))
      .sort();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
}

/** The ids (file names without .yaml) in `dir`; [] when the folder does not exist. */
export function yamlIds(dir: string): string[] {
  return yamlFiles(dir).map((f) => f.replace(/\.ya?ml$/, ''));
}

/** "start", "title.da", "address.postalCode" from a zod issue path. */
function fieldName(path: readonly PropertyKey[]): string {
  return path.length ? path.map(String).join('.') : '(whole file)';
}

/** Problems of one parsed file, each as "file: field: message". */
export function describeIssues(file: string, error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    // unrecognized_keys lists its keys in the message; name the object that holds them.
    return `${file}: ${fieldName(issue.path)}: ${issue.message}`;
  });
}

/** Checks one file's text; returns the data or the list of problems. */
export function parseYamlEntry<S extends z.ZodType>(
  file: string,
  text: string,
  schema: S,
): { ok: true; data: z.output<S> } | { ok: false; problems: string[] } {
  let raw: unknown;
  try {
    raw = parse(text, { prettyErrors: true });
  } catch (e) {
    const where = e instanceof YAMLParseError && e.linePos ? ` (line ${e.linePos[0].line})` : '';
    return { ok: false, problems: [`${file}${where}: is not valid YAML: ${(e as Error).message.split('\n')[0]}`] };
  }
  if (raw === null || raw === undefined) return { ok: false, problems: [`${file}: (whole file): is empty`] };
  const result = schema.safeParse(raw);
  return result.success ? { ok: true, data: result.data } : { ok: false, problems: describeIssues(file, result.error) };
}

/**
 * Every `*.yaml` in `dir`, checked. Throws one ContentError listing every problem in every file.
 * `displayRoot` makes file names in messages relative (content/meetings/x.yaml).
 */
export function readYamlDir<S extends z.ZodType>(dir: string, schema: S, displayRoot = process.cwd()): YamlEntry<z.output<S>>[] {
  const entries: YamlEntry<z.output<S>>[] = [];
  const problems: string[] = [];
  for (const name of yamlFiles(dir)) {
    const id = name.replace(/\.ya?ml$/, '');
    const filePath = join(dir, name);
    const file = relative(displayRoot, filePath) || filePath;
    if (!idPattern.test(id)) {
      problems.push(`${file}: (file name): use only a-z, 0-9 and -, e.g. 2026-12-03-greve-nord.yaml (the name is the web address)`);
      continue;
    }
    const text = readFileSync(filePath, 'utf8');
    const parsed = parseYamlEntry(file, text, schema);
    if (parsed.ok) entries.push({ id, filePath, text, data: parsed.data });
    else problems.push(...parsed.problems);
  }
  if (problems.length) throw new ContentError(problems);
  return entries;
}
