/** Opening the one database (src/store/openStore.ts): created private, and never used with a schema it does not know. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { databaseFile, openStore, resolveDataDir } from '#src/store/openStore.ts';
import { latestVersion, NewerSchemaError } from '#src/store/migrations.ts';

describe('openStore()', () => {
  let dir: string;
  beforeEach(() => {
    dir = path.join(mkdtempSync(path.join(tmpdir(), 'store-')), 'data');
  });
  afterEach(() => rmSync(path.dirname(dir), { recursive: true, force: true }));

  it('creates a 0700 data directory and a 0600 file, migrated to the latest version', () => {
    const store = openStore({ dataDir: dir });
    try {
      expect(store.file).toBe(path.join(dir, databaseFile));
      expect(statSync(dir).mode & 0o777).toBe(0o700);
      expect(statSync(store.file).mode & 0o777).toBe(0o600);
      expect(store.pragma('user_version')).toBe(latestVersion);
    } finally {
      store.close();
    }
  });

  it('tightens a data directory others could read to 0700 at start, and logs the path only', () => {
    mkdirSync(dir, { mode: 0o755 });
    chmodSync(dir, 0o755);
    const logged: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((line: string) => void logged.push(line));
    try {
      openStore({ dataDir: dir }).close();
    } finally {
      log.mockRestore();
    }
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(logged).toEqual([`data: ${dir} was 0755; now 0700 (the owner only)`]);
  });

  it('refuses a file a newer release wrote, saying which versions, without changing it', () => {
    const first = openStore({ dataDir: dir });
    first.db.exec(`PRAGMA user_version = ${latestVersion + 2}`);
    first.close();
    expect(() => openStore({ dataDir: dir })).toThrow(NewerSchemaError);
    expect(() => openStore({ dataDir: dir })).toThrow(
      `The database has schema version ${latestVersion + 2}, but this code knows versions up to ${latestVersion}`,
    );
    const look = new DatabaseSync(path.join(dir, databaseFile), { readOnly: true });
    try {
      expect((look.prepare('PRAGMA user_version').get() as { user_version: number }).user_version).toBe(latestVersion + 2);
    } finally {
      look.close();
    }
  });

  it('finds the data in DATA_DIR, else in ./data', () => {
    expect(resolveDataDir('/srv/aaben-doer/data')).toBe('/srv/aaben-doer/data');
    expect(resolveDataDir('  ')).toBe(path.resolve('./data'));
    expect(resolveDataDir(undefined)).toBe(path.resolve('./data'));
  });
});
