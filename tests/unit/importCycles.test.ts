/**
 * No module of scripts/ or src/ imports itself round a circle (type-only imports count too): a
 * cycle makes the load order decide which export is still undefined, and hides which module
 * owns a type. The graph is read from the import lines, so the test needs no build.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve('.');
const folders = ['scripts', 'src'].map((folder) => path.join(root, folder));

/** Every .ts file under `dir` (declaration files have no imports to follow). */
function tsFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((f) => f.isFile() && f.name.endsWith('.ts') && !f.name.endsWith('.d.ts'))
    .map((f) => path.join(f.parentPath, f.name));
}

/** The project files that `file` imports statically (`import … from`, `import type`, `export … from`). */
function importsOf(file: string, text: string): string[] {
  const specifiers = [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?\bfrom\s*['"]([^'"]+)['"]/gm)].map((m) => m[1] ?? '');
  return specifiers
    .map((s) => (s.startsWith('#src/') ? path.join(root, 'src', s.slice(5)) : s.startsWith('.') ? path.resolve(path.dirname(file), s) : ''))
    .filter((target) => target.endsWith('.ts'));
}

/** The first import cycle found in `graph` (file → the files it imports), as a path that ends where it starts; null without one. */
function findCycle(graph: Map<string, string[]>): string[] | null {
  const done = new Set<string>();
  const onPath: string[] = [];
  const visit = (file: string): string[] | null => {
    const at = onPath.indexOf(file);
    if (at >= 0) return [...onPath.slice(at), file];
    if (done.has(file)) return null;
    onPath.push(file);
    for (const next of graph.get(file) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    onPath.pop();
    done.add(file);
    return null;
  };
  for (const file of graph.keys()) {
    const cycle = visit(file);
    if (cycle) return cycle;
  }
  return null;
}

describe('findCycle()', () => {
  it('finds a cycle through three modules and returns it closed', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
    ]);
    expect(findCycle(graph)).toEqual(['a', 'b', 'c', 'a']);
  });

  it('accepts a module imported by two others (a diamond is no cycle)', () => {
    const graph = new Map([
      ['a', ['b', 'c']],
      ['b', ['d']],
      ['c', ['d']],
      ['d', []],
    ]);
    expect(findCycle(graph)).toBeNull();
  });
});

describe('importsOf()', () => {
  it('follows value, type-only and re-exporting imports, relative and through #src/, and leaves packages out', () => {
    const file = path.join(root, 'scripts', 'bench', 'x.ts');
    const text = [
      "import fs from 'node:fs';",
      "import { a } from './a.ts';",
      "import type { B } from '../lib/b.ts';",
      "import {\n  c,\n  type C,\n} from '#src/c/c.ts';",
      "export { d } from './d.ts';",
    ].join('\n');
    expect(importsOf(file, text)).toEqual([
      path.join(root, 'scripts', 'bench', 'a.ts'),
      path.join(root, 'scripts', 'lib', 'b.ts'),
      path.join(root, 'src', 'c', 'c.ts'),
      path.join(root, 'scripts', 'bench', 'd.ts'),
    ]);
  });
});

describe('the modules of scripts/ and src/', () => {
  it('import one another without a cycle', () => {
    const graph = new Map(
      folders.flatMap(tsFiles).map((file) => [file, importsOf(file, fs.readFileSync(file, 'utf8'))] as [string, string[]]),
    );
    expect(graph.size).toBeGreaterThan(50);
    expect(graph.get(path.join(root, 'scripts', 'bench', 'measureBuildScaling.ts'))).toContain(
      path.join(root, 'scripts', 'bench', 'buildPhases.ts'),
    );
    const cycle = findCycle(graph);
    expect(cycle?.map((f) => path.relative(root, f)) ?? null).toBeNull();
  });
});
