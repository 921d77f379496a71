import { beforeEach, describe, expect, it } from 'vitest';
import { DatabaseSync } from 'node:sqlite';
import { migrate } from '#src/store/migrations.ts';
import { requestsStore } from '#src/store/requests.ts';
import { staffStore } from '#src/store/staff.ts';
import { listAudit, purgeAudit } from '#src/store/audit.ts';

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
