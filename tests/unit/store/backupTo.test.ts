/** The online backup (src/store/backupTo.ts): a private, single-file, checked copy, or a clear refusal. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { BackupError, backupTo } from '#src/store/backupTo.ts';
import { openStore, type Store } from '#src/store/openStore.ts';
import { requestIntake } from '#src/store/requestIntake.ts';
import { latestVersion } from '#src/store/migrations.ts';
import { validRequestInput } from '../../helpers/requestInput.ts';

describe('backupTo()', () => {
  let dir: string;
  let store: Store;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'store-backup-'));
    store = openStore({ dataDir: path.join(dir, 'data') });
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('copies the open database into one 0600 file that passes the integrity check', async () => {
    const intake = requestIntake(store.db);
    for (let i = 0; i < 300; i++) intake.add({ ...validRequestInput, phone: `+45${20_000_000 + i}` });
    const file = path.join(dir, 'backup.sqlite');
    const result = await backupTo(store.db, file);
    expect(result.file).toBe(file);
    expect(result.pages).toBeGreaterThan(1);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(existsSync(`${file}-wal`)).toBe(false);
    const copy = new DatabaseSync(file, { readOnly: true });
    try {
      expect(copy.prepare('SELECT count(*) AS n FROM interest').get()).toEqual({ n: 300 });
      expect(copy.prepare('PRAGMA user_version').get()).toEqual({ user_version: latestVersion });
      expect(copy.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'delete' });
    } finally {
      copy.close();
    }
    // The server goes on writing to its own file.
    intake.add(validRequestInput);
  });

  it('never writes over an existing file', async () => {
    const file = path.join(dir, 'backup.sqlite');
    writeFileSync(file, 'yesterday');
    await expect(backupTo(store.db, file)).rejects.toThrow(BackupError);
    await expect(backupTo(store.db, file)).rejects.toThrow('already exists');
    expect(readFileSync(file, 'utf8')).toBe('yesterday');
  });

  it('rejects a copy that fails the integrity check, and leaves nothing behind', async () => {
    // A database whose index no longer matches its table: one byte of a stored value changed on disk.
    const broken = path.join(dir, 'broken.sqlite');
    const db = new DatabaseSync(broken);
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT); CREATE INDEX t_v ON t (v);');
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    db.exec('BEGIN');
    for (let i = 0; i < 2000; i++) insert.run(`value${i}`);
    db.exec('COMMIT');
    db.close();
    const bytes = readFileSync(broken);
    bytes[bytes.lastIndexOf('value1500') + 5] = '9'.charCodeAt(0);
    writeFileSync(broken, bytes);

    const source = new DatabaseSync(broken);
    const file = path.join(dir, 'backup.sqlite');
    try {
      await expect(backupTo(source, file)).rejects.toThrow(/failed SQLite's integrity check \(row \d+ missing from index t_v/);
    } finally {
      source.close();
    }
    expect(existsSync(file)).toBe(false);
  });
});
