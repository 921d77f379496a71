import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ReleaseError,
  activateRelease,
  listReleases,
  liveReleaseId,
  publishKeep,
  pruneReleases,
  releaseId,
  removeLeftovers,
  rollBack,
  switchRelease,
  withReleaseLock,
} from '#src/server/releases.ts';

let dir: string;
let nodeModules: string;
beforeEach(() => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'releases-test-'));
  dir = path.join(base, 'releases');
  nodeModules = path.join(base, 'node_modules');
  fs.mkdirSync(dir);
  fs.mkdirSync(nodeModules);
});
afterEach(() => fs.rmSync(path.dirname(dir), { recursive: true, force: true }));

/** A release folder with the files a release needs (or without those named in `without`). */
function makeRelease(id: string, without: string[] = []): string {
  const release = path.join(dir, id);
  for (const file of ['client/index.html', 'server/entry.mjs'].filter((f) => !without.includes(f))) {
    fs.mkdirSync(path.dirname(path.join(release, file)), { recursive: true });
    fs.writeFileSync(path.join(release, file), id);
  }
  fs.mkdirSync(release, { recursive: true });
  return release;
}

describe('releaseId()', () => {
  it('is the UTC time and the short commit, so ids sort by time', () => {
    expect(releaseId(new Date('2025-06-11T09:30:12.345Z'), '1a2b3c4')).toBe('20250611T093012Z-1a2b3c4');
    expect(releaseId(new Date('2025-06-11T09:30:12Z'))).toBe('20250611T093012Z');
    expect(releaseId(new Date('2025-06-11T09:30:12Z')) < releaseId(new Date('2025-06-11T10:00:00Z'))).toBe(true);
  });
});

describe('switchRelease()', () => {
  it('points current at the release and leaves no temporary link behind', () => {
    makeRelease('20250101T000000Z');
    makeRelease('20250102T000000Z');
    switchRelease(dir, '20250101T000000Z');
    switchRelease(dir, '20250102T000000Z');
    expect(liveReleaseId(dir)).toBe('20250102T000000Z');
    expect(fs.readlinkSync(path.join(dir, 'current'))).toBe('20250102T000000Z');
    expect(fs.readdirSync(dir).sort()).toEqual(['20250101T000000Z', '20250102T000000Z', 'current']);
  });

  it('never leaves a moment without current: a reader in another process always finds it', async () => {
    makeRelease('a');
    makeRelease('b');
    switchRelease(dir, 'a');
    const stop = path.join(path.dirname(dir), 'stop');
    // Another process reads the link as fast as it can while this one switches back and forth.
    const reader = spawn(
      process.execPath,
      [
        '-e',
        `const fs = require('node:fs'); const [link, stop] = process.argv.slice(1); let reads = 0, misses = 0;
         for (;;) { try { fs.readlinkSync(link); } catch { misses++; } if (++reads % 1000 === 0 && fs.existsSync(stop)) break; }
         console.log(JSON.stringify({ reads, misses }));`,
        path.join(dir, 'current'),
        stop,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    reader.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const exited = new Promise((resolve) => reader.once('exit', resolve));
    await new Promise((resolve) => setTimeout(resolve, 100));
    for (let switches = 0; switches < 150; switches++) {
      switchRelease(dir, switches % 2 ? 'a' : 'b');
      if (switches % 10 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    fs.writeFileSync(stop, '');
    await exited;
    const { reads, misses } = JSON.parse(out) as { reads: number; misses: number };
    expect(reads).toBeGreaterThan(1000);
    expect(misses).toBe(0);
  });

  it('refuses an incomplete release and leaves the live one', () => {
    makeRelease('20250101T000000Z');
    makeRelease('20250102T000000Z', ['server/entry.mjs']);
    switchRelease(dir, '20250101T000000Z');
    expect(() => switchRelease(dir, '20250102T000000Z')).toThrow(/incomplete \(missing server\/entry\.mjs\)/);
    expect(() => switchRelease(dir, 'nothing-here')).toThrow(ReleaseError);
    expect(() => switchRelease(dir, '../elsewhere')).toThrow(ReleaseError);
    expect(liveReleaseId(dir)).toBe('20250101T000000Z');
  });
});

describe('rollBack()', () => {
  it('goes back to the complete release before the live one, one step at a time', () => {
    for (const id of ['20250101T000000Z', '20250102T000000Z', '20250103T000000Z', '20250104T000000Z']) makeRelease(id);
    makeRelease('20250103T120000Z', ['client/index.html']);
    switchRelease(dir, '20250104T000000Z');
    expect(rollBack(dir)).toBe('20250103T000000Z');
    expect(rollBack(dir)).toBe('20250102T000000Z');
    expect(liveReleaseId(dir)).toBe('20250102T000000Z');
    expect(rollBack(dir)).toBe('20250101T000000Z');
    expect(() => rollBack(dir)).toThrow(/the oldest release kept/);
    expect(liveReleaseId(dir)).toBe('20250101T000000Z');
  });

  it('says so when nothing was published', () => {
    makeRelease('20250101T000000Z');
    expect(() => rollBack(dir)).toThrow(/Nothing is published/);
  });
});

describe('pruneReleases()', () => {
  it('keeps the newest N', () => {
    for (const d of [1, 2, 3, 4, 5]) makeRelease(`2025010${d}T000000Z`);
    switchRelease(dir, '20250105T000000Z');
    expect(pruneReleases(dir, 3)).toEqual(['20250101T000000Z', '20250102T000000Z']);
    expect(listReleases(dir).map((r) => r.id)).toEqual(['20250103T000000Z', '20250104T000000Z', '20250105T000000Z']);
  });

  it('never deletes the live release, even when it is older than the newest N', () => {
    for (const d of [1, 2, 3, 4, 5]) makeRelease(`2025010${d}T000000Z`);
    switchRelease(dir, '20250101T000000Z');
    expect(pruneReleases(dir, 2)).toEqual(['20250102T000000Z', '20250103T000000Z']);
    expect(listReleases(dir).map((r) => `${r.id}${r.live ? ' live' : ''}`)).toEqual([
      '20250101T000000Z live',
      '20250104T000000Z',
      '20250105T000000Z',
    ]);
  });

  it('leaves an incomplete folder alone (a pipeline may be shipping it)', () => {
    for (const d of [1, 2, 3]) makeRelease(`2025010${d}T000000Z`);
    makeRelease('20250100T000000Z', ['server/entry.mjs']);
    switchRelease(dir, '20250103T000000Z');
    expect(pruneReleases(dir, 2)).toEqual(['20250101T000000Z']);
    expect(fs.existsSync(path.join(dir, '20250100T000000Z'))).toBe(true);
  });
});

describe('activateRelease()', () => {
  it('switches to a complete release shipped into the folder and links the releases to the packages', () => {
    makeRelease('20250101T000000Z');
    switchRelease(dir, '20250101T000000Z');
    const shipped = makeRelease('20250102T000000Z-abc1234');
    expect(activateRelease(dir, shipped, nodeModules)).toBe('20250102T000000Z-abc1234');
    expect(liveReleaseId(dir)).toBe('20250102T000000Z-abc1234');
    expect(fs.realpathSync(path.join(dir, 'node_modules'))).toBe(fs.realpathSync(nodeModules));
    expect(listReleases(dir).map((r) => r.id)).toEqual(['20250101T000000Z', '20250102T000000Z-abc1234']);
  });

  it('refuses an incomplete folder and leaves the live release', () => {
    makeRelease('20250101T000000Z');
    switchRelease(dir, '20250101T000000Z');
    const half = makeRelease('20250102T000000Z', ['server/entry.mjs']);
    expect(() => activateRelease(dir, half, nodeModules)).toThrow(/incomplete \(missing server\/entry\.mjs\): not activated/);
    const empty = makeRelease('20250103T000000Z', ['client/index.html', 'server/entry.mjs']);
    expect(() => activateRelease(dir, empty, nodeModules)).toThrow(/missing client\/index\.html, server\/entry\.mjs/);
    expect(liveReleaseId(dir)).toBe('20250101T000000Z');
  });

  it('refuses a folder outside the releases folder', () => {
    const outside = path.join(path.dirname(dir), 'dist');
    fs.mkdirSync(path.join(outside, 'server'), { recursive: true });
    expect(() => activateRelease(dir, outside, nodeModules)).toThrow(/not a release folder in .*--from/);
    expect(() => activateRelease(dir, path.join(dir, 'missing'), nodeModules)).toThrow(/is not a folder/);
    expect(liveReleaseId(dir)).toBeNull();
  });
});

describe('publishKeep()', () => {
  it('is 3 unless PUBLISH_KEEP says otherwise, and never less than 2', () => {
    expect(publishKeep({})).toBe(3);
    expect(publishKeep({ PUBLISH_KEEP: '5' })).toBe(5);
    expect(() => publishKeep({ PUBLISH_KEEP: '1' })).toThrow(/at least 2/);
    expect(() => publishKeep({ PUBLISH_KEEP: 'many' })).toThrow(ReleaseError);
  });
});

describe('withReleaseLock()', () => {
  it('lets one publish at a time work, and takes over the lock of one that died', async () => {
    let second: unknown;
    await withReleaseLock(dir, async () => {
      second = await withReleaseLock(dir, () => 'ran').catch((error: Error) => error);
    });
    expect(second).toBeInstanceOf(ReleaseError);
    expect(String(second)).toMatch(/Another publish \(process \d+\) is running/);
    // A process id that cannot be running.
    fs.writeFileSync(path.join(dir, '.lock'), '2147483646');
    expect(await withReleaseLock(dir, () => 'ran')).toBe('ran');
    expect(fs.existsSync(path.join(dir, '.lock'))).toBe(false);
  });
});

describe('removeLeftovers()', () => {
  it('removes half-built folders and temporary links, not releases', () => {
    makeRelease('20250101T000000Z');
    switchRelease(dir, '20250101T000000Z');
    fs.mkdirSync(path.join(dir, '.20250102T000000Z.partial', 'client'), { recursive: true });
    fs.symlinkSync('20250101T000000Z', path.join(dir, '.current-123-456'));
    expect(removeLeftovers(dir).sort()).toEqual(['.20250102T000000Z.partial', '.current-123-456']);
    expect(fs.readdirSync(dir).sort()).toEqual(['20250101T000000Z', 'current']);
  });
});
