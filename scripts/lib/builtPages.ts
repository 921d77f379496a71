/** The pages of a build, for the tests that visit every page and for the bench. */
import fs from 'node:fs';
import path from 'node:path';
import { distDir } from '#src/server/distDir.ts';

/** The folder `npm run build` writes the static site to (dist/client, or $DIST_DIR/client). */
export const clientDir = path.join(distDir(), 'client');

/**
 * Every HTML page of a build as a URL path ('/ar/about/'), sorted. The staff-only /admin/ is
 * left out unless `withAdmin` (the bench counts it among the built pages).
 */
export function builtPages(dir: string = clientDir, { withAdmin = false }: { withAdmin?: boolean } = {}): string[] {
  if (!fs.existsSync(dir)) throw new Error(`${path.relative('.', dir) || dir} is missing: run "npm run build" first.`);
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((f) => f.isFile() && f.name.endsWith('.html'))
    .map((f) => '/' + path.relative(dir, path.join(f.parentPath, f.name)).split(path.sep).join('/'))
    .map((p) => p.replace(/index\.html$/, ''))
    .filter((p) => withAdmin || !p.startsWith('/admin/'))
    .sort();
}
