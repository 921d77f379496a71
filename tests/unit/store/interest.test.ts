import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sampleRegistration as sample } from '../../helpers/requestInput.ts';
import { openInterestStore, type InterestStore } from '#src/store/interest.ts';

describe('openInterestStore()', () => {
  let dir: string;
  let store: InterestStore;
  beforeEach(() => {
    dir = path.join(mkdtempSync(path.join(tmpdir(), 'interest-')), 'data');
    store = openInterestStore({ dataDir: dir });
  });
  afterEach(() => {
    store.close();
    rmSync(path.dirname(dir), { recursive: true, force: true });
  });

  it('creates the data directory and a database file only its owner can read', () => {
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(store.file).mode & 0o777).toBe(0o600);
  });

  it('runs in WAL mode with synchronous=FULL, a busy timeout and secure delete', () => {
    expect(store.pragma('journal_mode')).toBe('wal');
    expect(store.pragma('synchronous')).toBe(2); // FULL
    expect(store.pragma('busy_timeout')).toBe(5000);
    expect(store.pragma('secure_delete')).toBe(1);
  });

  it('keeps the consent text version and language with each row', () => {
    const id = store.add(sample, new Date('2026-11-25T10:00:00Z'));
    expect(store.all()).toEqual([{ ...sample, id, createdAt: '2026-11-25T10:00:00.000Z' }]);
  });

  it('stores names in NFC', () => {
    // "é" as e + combining acute (NFD) comes back as the single precomposed code point.
    store.add({ ...sample, firstName: 'Zahre\u0301' });
    expect(store.all()[0]!.firstName).toBe('Zahr\u00e9');
  });

  it('finds and deletes one woman’s rows by her phone number', () => {
    store.add(sample);
    store.add({ ...sample, phone: '+4587654321' });
    const [hers] = store.findByPhone('+4512345678');
    expect(store.delete(hers!.id)).toBe(true);
    expect(store.all().map((r) => r.phone)).toEqual(['+4587654321']);
  });

  it('purges exactly the rows older than the retention period', () => {
    const now = new Date('2026-11-25T12:00:00Z');
    const day = 24 * 60 * 60 * 1000;
    const at = (ms: number) => new Date(now.getTime() - ms);
    store.add({ ...sample, firstName: 'old' }, at(181 * day));
    store.add({ ...sample, firstName: 'just past' }, at(180 * day + 1));
    store.add({ ...sample, firstName: 'exactly 180 days' }, at(180 * day));
    store.add({ ...sample, firstName: 'recent' }, at(1 * day));
    expect(store.purge(180, now)).toBe(2);
    expect(store.all().map((r) => r.firstName)).toEqual(['exactly 180 days', 'recent']);
  });

  it('refuses a retention period that would delete everything', () => {
    expect(() => store.purge(0)).toThrow(RangeError);
  });

  it('reopens an existing database with its rows', () => {
    store.add(sample);
    store.close();
    store = openInterestStore({ dataDir: dir });
    expect(store.count()).toBe(1);
    expect(store.integrityCheck()).toBe('ok');
  });
});
