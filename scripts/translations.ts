/**
 * npm run translations — every content page × language: missing, outdated (the Danish changed
 * since it was translated), machine, reviewed. Also prints the hash of each Danish file, which
 * is what a translator writes as `translation.source` in a new translation.
 *
 *   npm run translations                  table for content/
 *   npm run translations -- --json        the same as JSON
 *   npm run translations -- --root DIR    another content folder (tests use a fixture)
 * Exit code 1 when a translated file has no valid status (the build would fail on it too).
 * Below the pages: every voice clip and whether it still speaks its page's text (src/voice/clipRegistry.ts).
 */
import path from 'node:path';
import { clipProblem, clipUses } from '#src/voice/clipRegistry.ts';
import { langs } from '#src/i18n/locales.ts';
import { sourceHash } from '#src/i18n/translationSource.ts';
import {
  countStates,
  orphanTranslations,
  readContentFiles,
  translationReport,
  type TranslationState,
} from '#src/i18n/translationStatus.ts';

const args = process.argv.slice(2);
const rootArg = args.indexOf('--root');
const rootValue = rootArg >= 0 ? args[rootArg + 1] : 'content';
if (rootValue === undefined) {
  console.error('--root needs a folder: npm run translations -- --root DIR');
  process.exit(1);
}
const contentDir = path.resolve(rootValue);
const files = readContentFiles(contentDir);
const rows = translationReport(files, langs);
const orphans = orphanTranslations(files);
const counts = countStates(rows);
// Clips belong to the project around the content folder (content/voice/clip-texts.json).
const clips = clipUses(path.dirname(contentDir));

if (args.includes('--json')) {
  const clipStates = clips.map(({ file, source, lang, voice, state }) => ({ file, source, lang, voice, state }));
  console.log(JSON.stringify({ rows, counts, orphans: orphans.map((o) => o.file), clips: clipStates }, null, 2));
} else {
  const mark: Record<TranslationState, string> = {
    source: 'DA',
    missing: '—',
    outdated: 'OUTDATED',
    machine: 'machine',
    reviewed: 'reviewed',
    invalid: 'INVALID',
  };
  const header = ['page', 'da hash', ...langs.filter((l) => l !== 'da')];
  const table = rows.map((row) => {
    const source = files.find((f) => f.lang === 'da' && f.collection === row.collection && f.slug === row.slug);
    return [
      `${row.collection}/${row.slug}`,
      source ? sourceHash(source.text) : '—',
      ...langs.filter((l) => l !== 'da').map((l) => mark[row.cells[l]?.state ?? 'missing']),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  console.log(line(header));
  for (const r of table) console.log(line(r));
  const states = [
    `${counts.reviewed} reviewed`,
    `${counts.machine} machine`,
    `${counts.outdated} outdated`,
    `${counts.missing} missing (shown in Danish)`,
    `${counts.invalid} invalid`,
  ];
  console.log(`\n${rows.length} pages. Translations: ${states.join(', ')}.`);
  console.log('machine = made without a person who reads the language; mark reviewed only after such a person checked it.');
  for (const row of rows)
    for (const [lang, cell] of Object.entries(row.cells)) {
      if (cell.state === 'outdated') console.log(`OUTDATED ${cell.file}: the Danish file changed since it was translated`);
      if (cell.state === 'invalid')
        console.log(`INVALID ${cell.file}: field "translation" needs status (machine | reviewed) and source (${lang})`);
    }
  for (const o of orphans) console.log(`ORPHAN ${o.file}: there is no Danish file with this name`);
  const silent = clips.filter((c) => c.state !== 'current');
  console.log(
    `\n${clips.length} voice clips: ${clips.length - silent.length} speak their page's current text, ${silent.length} do not play.`,
  );
  for (const c of silent) console.log(`CLIP ${clipProblem(c)}`);
}
process.exit(counts.invalid > 0 ? 1 : 0);
