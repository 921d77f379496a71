/**
 * After `astro build`: index the site for search (Pagefind, one index per language), write _headers
 * for static hosts, build the offline service worker (/sw.js), and precompress every text file as
 * .br and .gz so the server (and hosts that support it) send brotli without compressing per request.
 *
 * Precompression was the larger part of the build (one core, brotli 11 on every file), so it runs
 * on worker threads across the cores, and files whose .br and .gz are already newer than the file
 * are skipped. Pagefind is a process of its own that uses about one core and only writes into
 * pagefind/, so everything else is compressed while it runs, and its files once it is done.
 * Which brotli level each file gets, and why: scripts/lib/brotliQuality.ts.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import zlib from 'node:zlib';
import { DENSEST_BROTLI_QUALITY, DENSEST_COST_FACTOR, brotliQualityFor } from './lib/brotliQuality.ts';
import { distDir } from '#src/server/distDir.ts';

/** A worker's share: files with their brotli level. */
type Jobs = [file: string, quality: number][];

/** What a worker reports back: files written and their bytes before and after brotli. */
interface WorkerResult {
  files: number;
  before: number;
  after: number;
}

/** Writes `file`.br and `file`.gz; returns the sizes before and after brotli. */
function precompress(file: string, quality: number): { before: number; after: number } {
  const data = fs.readFileSync(file);
  const br = zlib.brotliCompressSync(data, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: quality, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length },
  });
  fs.writeFileSync(`${file}.br`, br);
  fs.writeFileSync(`${file}.gz`, zlib.gzipSync(data, { level: 9 }));
  return { before: data.length, after: br.length };
}

if (isMainThread) await main();
else {
  const { jobs } = workerData as { jobs: Jobs };
  let before = 0;
  let after = 0;
  for (const [file, quality] of jobs) {
    const sizes = precompress(file, quality);
    before += sizes.before;
    after += sizes.after;
  }
  parentPort?.postMessage({ files: jobs.length, before, after } satisfies WorkerResult);
}

async function main() {
  const { siteConfig } = await import('#site.config.ts');
  const { headersFile } = await import('#src/server/securityHeaders.ts');
  const dist = distDir();
  const client = path.join(dist, 'client');
  if (!fs.existsSync(client)) throw new Error(`${client} is missing: run astro build first`);

  // First, so the pages and stylesheets it rewrites are indexed and compressed as they are served.
  const { subsetFonts } = await import('#src/fonts/subsetFonts.ts');
  for (const f of await subsetFonts(dist)) console.log(`postbuild: font ${f.from}: ${f.before} → ${f.after} bytes`);

  fs.writeFileSync(path.join(client, '_headers'), headersFile(siteConfig));
  // Before Pagefind starts writing: the worker's version is a hash of the published files.
  const { buildServiceWorker } = await import('./lib/buildServiceWorker.ts');
  const worker = await buildServiceWorker(client);
  console.log(`postbuild: offline service worker /sw.js, release ${worker.version} (${worker.bytes} bytes)`);

  // Pagefind (a process of its own, using about one core) only reads the pages and writes into pagefind/,
  // so everything else is compressed while it indexes; its own files follow once it is done.
  const pagefindDir = path.join(client, 'pagefind');
  const started = performance.now();
  const pagefind = runPagefind(client).then(() => performance.now());
  pagefind.catch(() => {}); // awaited below, after the compression: its failure is reported there
  const site = await precompressAll(client, client, (dir) => dir !== pagefindDir);
  const pagefindDone = await pagefind;
  const index = await precompressAll(client, pagefindDir);
  const done = performance.now();

  const files = site.files + index.files;
  const reused = site.skipped + index.skipped ? `, ${site.skipped + index.skipped} unchanged kept` : '';
  const sizes = `${site.before + index.before} → ${site.after + index.after} bytes with brotli`;
  console.log(`postbuild: search index, _headers, ${files} files precompressed${reused} (${sizes}, ${site.threads} threads)`);
  // The bench reads this line for its build breakdown (scripts/bench/buildPhases.ts). The two overlap, so
  // that the rows add up to the postbuild's wall time, precompression is the time it takes beyond Pagefind.
  const pagefindMs = Math.round(pagefindDone - started);
  const compressMs = Math.round(done - pagefindDone);
  const inAll = Math.round(done - started);
  console.log(
    `postbuild timings: Pagefind ${pagefindMs} ms, precompression ${compressMs} ms (after Pagefind; ${inAll} ms from Pagefind's start)`,
  );
}

/** Indexes the site for search (one index per language) in dist/client/pagefind/. */
function runPagefind(client: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.resolve('node_modules/pagefind/lib/runner/bin.cjs'), '--site', client, '--quiet'], {
      stdio: 'inherit',
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`Pagefind exited with ${code ?? signal}`))));
  });
}

/**
 * Writes a .br and a .gz next to every compressible file under `root` (of 256 bytes or more) whose
 * copies are missing or older than it, on worker threads. `enter` says whether to include the
 * files of a folder (and those under it); `client` is the site's folder, for each page's brotli level.
 */
async function precompressAll(client: string, root: string, enter: (dir: string) => boolean = () => true) {
  const compressible = /\.(html|css|js|mjs|json|svg|xml|txt|ics|webmanifest)$/;
  const todo: { file: string; quality: number; size: number }[] = [];
  let skipped = 0;
  for (const file of filesUnder(root, enter)) {
    if (!compressible.test(file)) continue;
    const stat = fs.statSync(file);
    if (stat.size < 256) continue;
    if (isFresh(file, stat.mtimeMs)) {
      skipped += 1;
      continue;
    }
    todo.push({ file, quality: brotliQualityFor(path.relative(client, file)), size: stat.size });
  }

  // Largest first, each to the least-loaded worker, so no worker is left with the long tail.
  const threads = Math.max(1, Math.min(os.availableParallelism(), Math.ceil(todo.length / 8)));
  const shares: { jobs: Jobs; load: number }[] = Array.from({ length: threads }, () => ({ jobs: [], load: 0 }));
  for (const job of todo.sort((a, b) => b.size - a.size)) {
    const share = shares.reduce((least, s) => (s.load < least.load ? s : least));
    share.jobs.push([job.file, job.quality]);
    share.load += job.size * (job.quality === DENSEST_BROTLI_QUALITY ? DENSEST_COST_FACTOR : 1);
  }
  const results = await Promise.all(
    shares
      .filter(({ jobs }) => jobs.length > 0)
      .map(
        ({ jobs }) =>
          new Promise<WorkerResult>((resolve, reject) => {
            const worker = new Worker(new URL(import.meta.url), { workerData: { jobs } });
            worker.once('message', resolve);
            worker.once('error', reject);
            worker.once('exit', (code) => code !== 0 && reject(new Error(`precompression worker exited with ${code}`)));
          }),
      ),
  );
  return {
    files: results.reduce((n, r) => n + r.files, 0),
    before: results.reduce((n, r) => n + r.before, 0),
    after: results.reduce((n, r) => n + r.after, 0),
    skipped,
    threads,
  };
}

/** The files under `dir`, not looking into the folders `enter` refuses. */
function* filesUnder(dir: string, enter: (dir: string) => boolean): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (enter(full)) yield* filesUnder(full, enter);
    } else if (entry.isFile()) yield full;
  }
}

/** True when both compressed copies exist and are newer than the file. */
function isFresh(file: string, mtimeMs: number): boolean {
  // No exception for a missing copy (the usual case in a fresh build): a thrown error costs more than the stat.
  const br = fs.statSync(`${file}.br`, { throwIfNoEntry: false });
  const gz = br && br.mtimeMs > mtimeMs ? fs.statSync(`${file}.gz`, { throwIfNoEntry: false }) : undefined;
  return Boolean(gz && gz.mtimeMs > mtimeMs);
}
