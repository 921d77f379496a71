import fs from 'node:fs';
import path from 'node:path';

const client = path.resolve('dist/client');

/** Every HTML page of the build as a URL path ('/ar/about/'), staff-only /admin/ excluded. */
export function builtPages(): string[] {
  if (!fs.existsSync(client)) throw new Error('dist/client is missing: run "npm run build" before the e2e tests.');
  return fs
    .readdirSync(client, { recursive: true, withFileTypes: true })
    .filter((f) => f.isFile() && f.name.endsWith('.html'))
    .map((f) => '/' + path.relative(client, path.join(f.parentPath, f.name)).split(path.sep).join('/'))
    .map((p) => p.replace(/index\.html$/, ''))
    .filter((p) => !p.startsWith('/admin/'))
    .sort();
}
