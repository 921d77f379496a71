import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { openInterestStore } from '#src/interest/interestStore.ts';
import { latestVersion, migrate } from '#src/interest/migrations.ts';
import { requestsStore } from '#src/inbox/requestsStore.ts';
import { staffStore, sessionIdleMs, sessionMaxMs } from '#src/inbox/staffStore.ts';
import { listAudit, purgeAudit } from '#src/inbox/auditLog.ts';

const sample = {
  firstName: 'Amal',
  phone: '+4512345678',
  language: 'ar',
  contactMethod: 'call' as const,
  bestTime: 'morning',
  activities: ['courses'],
  interpreter: true,
  consentVersion: 'abc123',
  consentLanguage: 'ar',
};
const hour = 3_600_000;

describe('the inbox database', () => {
  let dir: string;
  beforeEach(() => {
    dir = path.join(mkdtempSync(path.join(tmpdir(), 'inbox-')), 'data');
  });
  afterEach(() => rmSync(path.dirname(dir), { recursive: true, force: true }));

  it('upgrades a file made by the first release without losing a row', () => {
    // Made by the first release's own store (git 66dd680, src/server/interestStore.mjs): the
    // interest table alone, user_version 0, three requests in Arabic, Somali and Urdu.
    mkdirSync(dir, { recursive: true });
    copyFileSync(fileURLToPath(new URL('../fixtures/interest-first-release.sqlite', import.meta.url)), path.join(dir, 'interest.sqlite'));
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
    expect(migrate(db)).toEqual([1, 2, 3]);
    expect(migrate(db)).toEqual([]);
  });

  it('rolls a failing migration back whole', () => {
    const db = new DatabaseSync(':memory:');
    migrate(db);
    const broken = [{ version: latestVersion + 1, name: 'broken', sql: 'CREATE TABLE half (x); SELECT * FROM nowhere;' }];
    expect(() => migrate(db, broken)).toThrow();
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE name = 'half'`).get()).toBeUndefined();
    expect((db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version).toBe(latestVersion);
  });
});

describe('requestsStore()', () => {
  let db: DatabaseSync;
  let store: ReturnType<typeof requestsStore>;
  let staffId: number;
  const add = (firstName: string, at: string) => {
    const r = db
      .prepare(
        `INSERT INTO interest
           (created_at, first_name, phone, language, contact_method, best_time, activities, interpreter, consent_version, consent_language)
         VALUES (?, ?, '+4512345678', 'ar', 'call', 'any', '[]', 0, 'v', 'ar')`,
      )
      .run(at, firstName);
    return Number(r.lastInsertRowid);
  };
  beforeEach(() => {
    db = new DatabaseSync(':memory:');
    migrate(db);
    store = requestsStore(db);
    staffId = staffStore(db).invite({ name: 'Maryam' }).staffId;
  });

  it('lists waiting requests, the one waiting longest first', () => {
    add('Second', '2026-11-02T10:00:00Z');
    add('First', '2026-11-01T10:00:00Z');
    const done = add('Done', '2026-10-01T10:00:00Z');
    store.setStatus(done, staffId, 'started');
    expect(store.list('waiting', staffId).map((r) => r.firstName)).toEqual(['First', 'Second']);
    expect(store.list('all', staffId).map((r) => r.firstName)).toEqual(['First', 'Second', 'Done']);
  });

  it('"I take it" puts the request under mine, with her name on it', () => {
    const id = add('Amal', '2026-11-01T10:00:00Z');
    add('Other', '2026-11-01T11:00:00Z');
    expect(store.take(id, staffId)).toBe(true);
    expect(store.list('mine', staffId).map((r) => [r.firstName, r.assignedName])).toEqual([['Amal', 'Maryam']]);
  });

  it('records dated attempts and suggests closing after the third', () => {
    const id = add('Amal', '2026-11-01T10:00:00Z');
    store.addAttempt(id, staffId, new Date('2026-11-02T10:00:00Z'));
    store.addAttempt(id, staffId, new Date('2026-11-03T10:00:00Z'));
    expect(store.get(id)!.attempts).toEqual(['2026-11-02T10:00:00.000Z', '2026-11-03T10:00:00.000Z']);
    expect(store.get(id)!.status).toBe('not_reached');
    expect(store.list('waiting', staffId)).toHaveLength(1);
    store.addAttempt(id, staffId);
    store.close(id, staffId);
    expect(store.list('waiting', staffId)).toHaveLength(0);
  });

  it('closes a request on declined, wrong number, came and started; contacted stays open', () => {
    const id = add('Amal', '2026-11-01T10:00:00Z');
    store.setStatus(id, staffId, 'contacted');
    expect(store.get(id)!.closedAt).toBeNull();
    store.setStatus(id, staffId, 'wrong_number');
    expect(store.get(id)!.closedAt).not.toBeNull();
  });

  it('deletes a request with its attempts and writes the audit row without her name or number', () => {
    const id = add('Amal', '2026-11-01T10:00:00Z');
    store.addAttempt(id, staffId);
    expect(store.delete(id, staffId)).toBe(true);
    expect(store.get(id)).toBeUndefined();
    expect(db.prepare('SELECT count(*) AS n FROM request_attempts').get()).toEqual({ n: 0 });
    const audit = listAudit(db);
    expect(audit.map((a) => [a.action, a.requestId])).toContainEqual(['delete', id]);
    const everything = JSON.stringify(db.prepare('SELECT * FROM audit').all());
    expect(everything).not.toContain('Amal');
    expect(everything).not.toContain('12345678');
  });

  it('never half-writes a change: a failing audit row undoes the status', () => {
    const id = add('Amal', '2026-11-01T10:00:00Z');
    db.exec('DROP TABLE audit');
    expect(() => store.setStatus(id, staffId, 'contacted')).toThrow();
    expect(store.get(id)!.status).toBe('new');
  });

  it('never gives a deleted request’s id to a new one (the audit log names requests by id)', () => {
    add('Amal', '2026-11-01T10:00:00Z');
    const last = add('Hodan', '2026-11-02T10:00:00Z');
    store.delete(last, staffId);
    expect(add('Sara', '2026-11-03T10:00:00Z')).toBe(last + 1);
  });

  it('keeps audit rows for a year', () => {
    db.prepare(`INSERT INTO audit (at, staff_id, action) VALUES ('2025-01-01T00:00:00Z', 1, 'view')`).run();
    expect(purgeAudit(db, new Date('2026-11-30T00:00:00Z'))).toBe(1);
  });
});

describe('staffStore()', () => {
  let db: DatabaseSync;
  let staff: ReturnType<typeof staffStore>;
  const passkey = (staffId: number, id = 'cred-1') => ({
    id,
    staffId,
    publicKey: new Uint8Array([1, 2, 3]),
    counter: 0,
    transports: ['internal'],
  });
  beforeEach(() => {
    db = new DatabaseSync(':memory:');
    migrate(db);
    staff = staffStore(db);
  });

  it('stores only the hash of an invite token, 128 random bits', () => {
    const { token } = staff.invite({ name: 'Maryam', coordinator: true });
    expect(Buffer.from(token, 'base64url')).toHaveLength(16);
    expect(JSON.stringify(db.prepare('SELECT * FROM invites').all())).not.toContain(token);
  });

  it('refuses a tampered, expired or used invite', () => {
    const now = new Date('2026-11-30T10:00:00Z');
    const { token, staffId } = staff.invite({ name: 'Maryam' }, now);
    // Change the first character: the last one of a 128-bit token carries padding bits, and may already be "A".
    expect(staff.checkInvite(`${token.startsWith('A') ? 'B' : 'A'}${token.slice(1)}`, now)).toEqual({ ok: false, reason: 'unknown' });
    expect(staff.checkInvite(token, new Date(now.getTime() + 25 * hour))).toEqual({ ok: false, reason: 'expired' });
    expect(staff.checkInvite(token, now).ok).toBe(true);
    expect(staff.redeemInvite(token, passkey(staffId), now)).toBe(true);
    expect(staff.checkInvite(token, now)).toEqual({ ok: false, reason: 'used' });
    expect(staff.redeemInvite(token, passkey(staffId, 'cred-2'), now)).toBe(false);
  });

  it('ends a session after 30 idle minutes and after 8 hours in any case', () => {
    const { staffId } = staff.invite({ name: 'Maryam' });
    const start = new Date('2026-11-30T08:00:00Z');
    const idle = staff.createSession(staffId, start);
    expect(staff.sessionStaff(idle, new Date(start.getTime() + sessionIdleMs + 1000))).toBeUndefined();
    const busy = staff.createSession(staffId, start);
    let t = start.getTime();
    while (t + 20 * 60_000 < start.getTime() + sessionMaxMs) {
      t += 20 * 60_000;
      expect(staff.sessionStaff(busy, new Date(t))?.name).toBe('Maryam');
    }
    expect(staff.sessionStaff(busy, new Date(start.getTime() + sessionMaxMs + 60_000))).toBeUndefined();
  });

  it('stores a session only as a hash, and revoking ends it', () => {
    const { staffId } = staff.invite({ name: 'Maryam' });
    const id = staff.createSession(staffId);
    expect(JSON.stringify(db.prepare('SELECT * FROM sessions').all())).not.toContain(id);
    expect(staff.sessionStaff(id)?.id).toBe(staffId);
    staff.revoke(staffId, null);
    expect(staff.sessionStaff(id)).toBeUndefined();
    expect(staff.noticeRecipients()).toEqual([]);
  });

  it('mails notices only to active staff with an e-mail and notices on', () => {
    staff.invite({ name: 'A', email: 'a@example.dk' });
    const b = staff.invite({ name: 'B', email: 'b@example.dk' });
    staff.invite({ name: 'C' });
    const d = staff.invite({ name: 'D', email: 'd@example.dk' });
    staff.setPreferences(b.staffId, { notices: false });
    staff.revoke(d.staffId, null);
    expect(staff.noticeRecipients()).toEqual(['a@example.dk']);
  });
});
