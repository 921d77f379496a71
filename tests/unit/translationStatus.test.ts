/**
 * The translation status report (npm run translations and /translation-status/) against a
 * fixture in tests/fixtures/translations/: one translation deliberately made from an older
 * Danish version, one reviewed, one missing, one without status, one without a Danish source.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceHash, withoutTranslationBlock } from '#src/i18n/translationSource.ts';
import { countStates, orphanTranslations, readContentFiles, routeOf, translationReport } from '#src/i18n/translationStatus.ts';
import { langs } from '#src/i18n/locales.ts';

const fixture = path.resolve('tests/fixtures/translations/content');
const files = readContentFiles(fixture);
const rows = translationReport(files, langs);
const about = rows.find((r) => r.collection === 'pages' && r.slug === 'about')!;

describe('sourceHash()', () => {
  it('is 12 hex digits and changes when the Danish text changes', () => {
    const a = sourceHash('---\ntitle: A\n---\n\nTekst.\n');
    expect(a).toMatch(/^[0-9a-f]{12}$/);
    expect(sourceHash('---\ntitle: A\n---\n\nTekst!\n')).not.toBe(a);
  });

  it('ignores the translation block and Windows line endings', () => {
    const plain = '---\ntitle: A\ndescription: B\n---\n\nTekst.\n';
    const withBlock = '---\ntitle: A\ntranslation:\n  status: machine\n  source: abcdefabcdef\ndescription: B\n---\n\nTekst.\n';
    expect(withoutTranslationBlock(withBlock)).toBe(plain);
    expect(sourceHash(withBlock)).toBe(sourceHash(plain));
    expect(sourceHash(plain.replace(/\n/g, '\r\n'))).toBe(sourceHash(plain));
  });
});

describe('translationReport()', () => {
  it('flags the deliberately outdated Arabic fixture as outdated (it was machine-made)', () => {
    expect(about.cells.ar).toMatchObject({ state: 'outdated', method: 'machine', file: 'content/pages/ar/about.mdx' });
  });

  it('shows an up-to-date translation by how it was made', () => {
    expect(about.cells.en!.state).toBe('machine');
    expect(about.cells.tr!.state).toBe('reviewed');
  });

  it('shows a language without a file as missing', () => {
    expect(about.cells.so!.state).toBe('missing');
    const contact = rows.find((r) => r.slug === 'contact')!;
    expect(langs.filter((l) => l !== 'da').map((l) => contact.cells[l]!.state)).toEqual(
      langs.filter((l) => l !== 'da').map(() => 'missing'),
    );
  });

  it('shows a translated file without its status as invalid', () => {
    expect(about.cells.fa!.state).toBe('invalid');
  });

  it('finds a translation whose Danish source is gone', () => {
    expect(orphanTranslations(files).map((f) => f.file)).toEqual(['content/pages/ur/old-page.mdx']);
  });

  it('counts every cell once', () => {
    const counts = countStates(rows);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(rows.length * langs.length);
    expect(counts).toMatchObject({ source: 2, outdated: 1, reviewed: 1, invalid: 1 });
  });
});

describe('routeOf()', () => {
  it('puts pages at the language root, the home page at the root itself, and other collections in their folder', () => {
    expect(routeOf('pages', 'home')).toBe('');
    expect(routeOf('pages', 'about')).toBe('about/');
    expect(routeOf('activities', 'danish')).toBe('activities/danish/');
    expect(routeOf('stories', 'amina')).toBe('stories/amina/');
  });
});

describe('npm run translations', () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['scripts/translations.ts', ...args], { encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });

  it('prints the outdated fixture by file name and fails on the file without status', () => {
    const result = run('--root', fixture);
    expect(result.stdout).toContain('OUTDATED content/pages/ar/about.mdx');
    expect(result.stdout).toContain('INVALID content/pages/fa/about.mdx');
    expect(result.status).toBe(1);
  });

  it('reports the real content with no file lacking its status', () => {
    const result = run('--json');
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as { counts: Record<string, number> };
    expect(report.counts.invalid).toBe(0);
    // Nothing in this repo has been checked by a native speaker yet: none may claim it.
    expect(report.counts.reviewed).toBe(0);
  });

  it('reports no outdated translation: every changed Danish text has its translations made again', () => {
    const rows = translationReport(readContentFiles(path.resolve('content')), langs);
    const outdated = rows.flatMap((row) =>
      Object.values(row.cells)
        .filter((c) => c.state === 'outdated')
        .map((c) => c.file),
    );
    expect(outdated).toEqual([]);
    expect(run().stdout).toContain(' 0 outdated');
  });
});
