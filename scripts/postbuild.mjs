/**
 * After `astro build`: index the site for search (Pagefind, one index per language),
 * write _headers for static hosts, and precompress every text file as .br and .gz
 * so the server (and hosts that support it) send brotli without compressing per request.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { siteConfig } from '#site.config.ts';
import { headersFile } from '#src/config/securityHeaders.ts';

const client = path.resolve('dist/client');
if (!fs.existsSync(client)) throw new Error('dist/client is missing: run astro build first');

execFileSync(process.execPath, [path.resolve('node_modules/pagefind/lib/runner/bin.cjs'), '--site', client, '--quiet'], {
  stdio: 'inherit',
});

fs.writeFileSync(path.join(client, '_headers'), headersFile(siteConfig));

const compressible = /\.(html|css|js|mjs|json|svg|xml|txt|ics|webmanifest)$/;
let files = 0;
let before = 0;
let after = 0;
for (const file of fs.readdirSync(client, { recursive: true, withFileTypes: true })) {
  if (!file.isFile() || !compressible.test(file.name)) continue;
  const full = path.join(file.parentPath, file.name);
  const data = fs.readFileSync(full);
  if (data.length < 256) continue;
  const br = zlib.brotliCompressSync(data, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length },
  });
  const gz = zlib.gzipSync(data, { level: 9 });
  fs.writeFileSync(`${full}.br`, br);
  fs.writeFileSync(`${full}.gz`, gz);
  files += 1;
  before += data.length;
  after += br.length;
}
console.log(`postbuild: search index, _headers, ${files} files precompressed (${before} → ${after} bytes with brotli)`);
