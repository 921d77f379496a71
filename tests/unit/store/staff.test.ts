import { beforeEach, describe, expect, it } from 'vitest';
import { DatabaseSync } from 'node:sqlite';
import { migrate } from '#src/store/migrations.ts';
import { staffStore } from '#src/store/staff.ts';
import { sessionIdleMs, sessionMaxMs } from '#src/store/sessions.ts';

const hour = 3_600_000;

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
    const { token } = staff.invite({ name: 'Maryam', role: 'coordinator' });
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
