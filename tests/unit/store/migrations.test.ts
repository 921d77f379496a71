/** The one ordered list of migrations (src/store/migrations.ts): upgrades in place, once each, whole or not at all. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { sampleRegistration as sample } from '../../helpers/requestInput.ts';
import { openInterestStore } from '#src/store/interest.ts';
import { latestVersion, migrate, migrations, NewerSchemaError } from '#src/store/migrations.ts';
import { requestsStore } from '#src/store/requests.ts';

describe('migrate()', () => {
  let dir: string;
  beforeEach(() => {
    dir = path.join(mkdtempSync(path.join(tmpdir(), 'inbox-')), 'data');
  });
  afterEach(() => rmSync(path.dirname(dir), { recursive: true, force: true }));

  it('upgrades a file made by the first release without losing a row', () => {
    // Made by the first release's own store (git 66dd680, src/server/interestStore.mjs): the
    // interest table alone, user_version 0, three requests in Arabic, Somali and Urdu.
    mkdirSync(dir, { recursive: true });
    copyFileSync(
      fileURLToPath(new URL('../../fixtures/interest-first-release.sqlite', import.meta.url)),
      path.join(dir, 'interest.sqlite'),
    );
    const store = openInterestStore({ dataDir: dir });
    expect(store.pragma('user_version')).toBe(latestVersion);
    expect(store.integrityCheck()).toBe('ok');
    expect(store.all().map((r) => [r.firstName, r.phone, r.language, r.contactMethod, r.bestTime, r.activities, r.interpreter])).toEqual([
      ['فاطمة', '+4520123456', 'ar', 'call', 'any', ['courses'], true],
      ['Hodan', '+4520998877', 'so', 'sms', 'morning', ['courses'], false],
      ['نازیہ', '+4522334455', 'ur', 'call', 'any', [], false],
    ]);
    expect(store.all()[1]!.createdAt).toBe('2026-11-03T13:40:00.000Z');
    // Old rows become new, untouched requests from the form in the inbox.
    const list = requestsStore(store.db).list('waiting', 0);
    expect(list.map((r) => [r.firstName, r.kind, r.status, r.assignedTo, r.note])).toEqual([
      ['فاطمة', 'interest', 'new', null, ''],
      ['Hodan', 'interest', 'new', null, ''],
      ['نازیہ', 'interest', 'new', null, ''],
    ]);
    // The form's own code goes on writing to the upgraded file.
    store.add(sample);
    store.close();
    const again = openInterestStore({ dataDir: dir });
    expect(again.count()).toBe(4);
    again.close();
  });

  it('runs each migration once, and a second start changes nothing', () => {
    const db = new DatabaseSync(':memory:');
    expect(migrate(db)).toEqual(migrations.map((m) => m.version));
    expect(migrate(db)).toEqual([]);
  });

  it('turns the coordinator flag into the coordinator role, and everyone else into staff', () => {
    const db = new DatabaseSync(':memory:');
    migrate(
      db,
      migrations.filter((m) => m.version <= 3),
    );
    const add = db.prepare(`INSERT INTO staff (name, coordinator, webauthn_user_id, created_at) VALUES (?, ?, 'u', '2026-01-01')`);
    add.run('Maryam', 1);
    add.run('Leyla', 0);
    migrate(db);
    expect(db.prepare('SELECT name, role FROM staff ORDER BY id').all()).toEqual([
      { name: 'Maryam', role: 'coordinator' },
      { name: 'Leyla', role: 'staff' },
    ]);
    expect(() => db.prepare(`UPDATE staff SET role = 'admin'`).run()).toThrow(/CHECK/);
  });

  it('rolls a failing migration back whole', () => {
    const db = new DatabaseSync(':memory:');
    migrate(db);
    const broken = [{ version: latestVersion + 1, name: 'broken', sql: 'CREATE TABLE half (x); SELECT * FROM nowhere;' }];
    expect(() => migrate(db, broken)).toThrow();
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE name = 'half'`).get()).toBeUndefined();
    expect((db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version).toBe(latestVersion);
  });

  it('refuses a file a newer release wrote, naming both versions, and leaves it as it was', () => {
    const db = new DatabaseSync(':memory:');
    migrate(db);
    db.exec(`PRAGMA user_version = ${latestVersion + 1}`);
    expect(() => migrate(db)).toThrow(NewerSchemaError);
    expect(() => migrate(db)).toThrow(`schema version ${latestVersion + 1}, but this code knows versions up to ${latestVersion}`);
    expect((db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version).toBe(latestVersion + 1);
  });

  it('names each migration for the feature it serves, in one ordered list', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    for (const m of migrations) expect(m.name).toMatch(/^(interest|inbox|channels|referral|results|store|meetings): ./);
  });
});
