import { beforeEach, describe, expect, it } from 'vitest';
import { DatabaseSync } from 'node:sqlite';
import { migrate } from '#src/store/migrations.ts';
import { staffStore } from '#src/store/staff.ts';
import { freshCheckMs, sessionIdleMs, sessionMaxMs } from '#src/store/sessions.ts';
import { failureBurst, listAudit, writeFailure } from '#src/store/audit.ts';

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
    expect(staff.checkInvite(token, new Date(now.getTime() + 25 * hour))).toMatchObject({ ok: false, reason: 'expired' });
    expect(staff.checkInvite(token, now).ok).toBe(true);
    expect(staff.redeemInvite(token, passkey(staffId), now)).toBe(true);
    expect(staff.checkInvite(token, now)).toMatchObject({ ok: false, reason: 'used' });
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

  it('invites a new, separate account even with the name of an existing coordinator', () => {
    const first = staff.invite({ name: 'Maryam Ali', role: 'coordinator' });
    staff.redeemInvite(first.token, passkey(first.staffId), new Date());
    const second = staff.invite({ name: 'Maryam Ali' });
    expect(second.staffId).not.toBe(first.staffId);
    const check = staff.checkInvite(second.token);
    expect(check.ok && check.staff).toMatchObject({ id: second.staffId, role: 'staff', coordinator: false, passkeys: 0 });
    expect(staff.redeemInvite(second.token, passkey(second.staffId, 'cred-2'))).toBe(true);
    expect(staff.passkeysOf(first.staffId).map((p) => p.id)).toEqual(['cred-1']);
    expect(staff.passkeysOf(second.staffId).map((p) => p.id)).toEqual(['cred-2']);
    expect(staff.getStaff(first.staffId)?.role).toBe('coordinator');
  });

  it('redeems an invite only for the account it was made for', () => {
    const maryam = staff.invite({ name: 'Maryam', role: 'coordinator' });
    const leyla = staff.invite({ name: 'Leyla' });
    // Leyla's link with a passkey meant for Maryam's account: refused, nothing stored.
    expect(staff.redeemInvite(leyla.token, passkey(maryam.staffId))).toBe(false);
    expect(staff.passkeysOf(maryam.staffId)).toEqual([]);
    expect(staff.checkInvite(leyla.token).ok).toBe(true);
  });

  it('replaces her older links when she gets a new one, and gives none to a revoked person', () => {
    const { staffId, token: old } = staff.invite({ name: 'Maryam' });
    const fresh = staff.reinvite(staffId, null)!;
    expect(fresh.staffId).toBe(staffId);
    expect(staff.checkInvite(old)).toEqual({ ok: false, reason: 'unknown' });
    expect(staff.checkInvite(fresh.token).ok).toBe(true);
    staff.invite({ name: 'Other', role: 'coordinator' });
    expect(staff.revoke(staffId, null)).toBe('done');
    expect(staff.reinvite(staffId, null)).toBeUndefined();
    expect(staff.checkInvite(fresh.token)).toMatchObject({ ok: false, staffId });
  });

  it('never revokes or demotes the last coordinator, and records who changed whose role from what to what', () => {
    const a = staff.invite({ name: 'A', role: 'coordinator' }).staffId;
    const b = staff.invite({ name: 'B' }).staffId;
    expect(staff.revoke(a, null)).toBe('lastCoordinator');
    expect(staff.setRole(a, 'staff', a)).toBe('lastCoordinator');
    expect(staff.getStaff(a)).toMatchObject({ role: 'coordinator', revokedAt: null });

    expect(staff.setRole(b, 'coordinator', a)).toBe('done');
    expect(staff.setRole(b, 'coordinator', a)).toBe('unchanged');
    expect(staff.setRole(a, 'staff', b)).toBe('done');
    expect(staff.revoke(b, null)).toBe('lastCoordinator');
    expect(staff.activeCoordinators()).toBe(1);
    const roles = listAudit(db).filter((r) => r.action.startsWith('role:'));
    expect(roles.map((r) => [r.staffName, r.action, r.targetName])).toEqual([
      ['B', 'role:coordinator>staff', 'A'],
      ['A', 'role:staff>coordinator', 'B'],
    ]);
  });

  it('"lost phone" removes all her passkeys, sessions and open links at once, and keeps the account', () => {
    const { staffId, token } = staff.invite({ name: 'Maryam' });
    staff.redeemInvite(token, passkey(staffId), new Date());
    staff.addPasskey(passkey(staffId, 'cred-2'));
    const phone = staff.createSession(staffId, new Date(), 'cred-1');
    const laptop = staff.createSession(staffId, new Date(), 'cred-2');
    const open = staff.reinvite(staffId, null)!;
    expect(staff.lostPhone(staffId, null)).toBe('done');
    expect(staff.passkeysOf(staffId)).toEqual([]);
    expect(staff.sessionStaff(phone)).toBeUndefined();
    expect(staff.sessionStaff(laptop)).toBeUndefined();
    expect(staff.checkInvite(open.token).ok).toBe(false);
    expect(staff.getStaff(staffId)?.revokedAt).toBeNull();
    expect(staff.checkInvite(staff.reinvite(staffId, null)!.token).ok).toBe(true);
    expect(listAudit(db)[1]).toMatchObject({ action: 'lostphone', targetName: 'Maryam' });
  });

  it('removes one of her passkeys and the sessions signed in with it, but never her last one', () => {
    const { staffId } = staff.invite({ name: 'Maryam' });
    const other = staff.invite({ name: 'Leyla' }).staffId;
    staff.addPasskey(passkey(staffId, 'phone'));
    staff.addPasskey(passkey(staffId, 'laptop'));
    staff.addPasskey(passkey(other, 'leyla'));
    const onPhone = staff.createSession(staffId, new Date(), 'phone');
    const onLaptop = staff.createSession(staffId, new Date(), 'laptop');
    expect(staff.removePasskey(staffId, 'leyla')).toBe('notFound');
    expect(staff.removePasskey(staffId, 'phone')).toBe('removed');
    expect(staff.sessionStaff(onPhone)).toBeUndefined();
    expect(staff.sessionStaff(onLaptop)?.id).toBe(staffId);
    expect(staff.removePasskey(staffId, 'laptop')).toBe('last');
    expect(staff.passkeySummaries(staffId).map((p) => p.id)).toEqual(['laptop']);
  });

  it('counts a session as freshly checked for 5 minutes after sign-in or a confirmation', () => {
    const { staffId } = staff.invite({ name: 'Maryam' });
    const start = new Date('2026-11-30T08:00:00Z');
    const id = staff.createSession(staffId, start, 'cred-1');
    expect(staff.isFreshSession(id, new Date(start.getTime() + freshCheckMs))).toBe(true);
    const later = new Date(start.getTime() + freshCheckMs + 1000);
    expect(staff.isFreshSession(id, later)).toBe(false);
    expect(staff.confirmSession(id, staffId + 1, later)).toBe(false);
    expect(staff.confirmSession(id, staffId, later)).toBe(true);
    expect(staff.isFreshSession(id, new Date(later.getTime() + 60_000))).toBe(true);
    expect(staff.isFreshSession('no-such-session', later)).toBe(false);
    expect(staff.sessionPasskey(id)).toBe('cred-1');
  });

  it('purges used and expired invites and revoked accounts after the retention period, and nothing newer', () => {
    const day = 86_400_000;
    const long = new Date('2026-01-01T10:00:00Z');
    const used = staff.invite({ name: 'Used' }, long);
    staff.redeemInvite(used.token, passkey(used.staffId), long);
    staff.invite({ name: 'Expired' }, long);
    const gone = staff.invite({ name: 'Gone' }, long).staffId;
    staff.invite({ name: 'Coordinator', role: 'coordinator' }, long);
    staff.revoke(gone, null, long);
    const now = new Date(long.getTime() + 182 * day);
    const recent = staff.invite({ name: 'Recent' }, new Date(now.getTime() - 3_600_000));
    const recentlyGone = staff.invite({ name: 'Recently gone' }, now).staffId;
    staff.revoke(recentlyGone, null, now);

    expect(staff.purgeStaff(180, now)).toEqual({ invites: 3, accounts: 1 });
    expect(staff.getStaff(gone)).toBeUndefined();
    expect(staff.getStaff(recentlyGone)?.revokedAt).not.toBeNull();
    expect(staff.checkInvite(recent.token, now).ok).toBe(true);
    expect(staff.passkeysOf(used.staffId).map((p) => p.id)).toEqual(['cred-1']);
    expect(Number((db.prepare('SELECT count(*) AS n FROM invites').get() as { n: number }).n)).toBe(2);
  });
});

describe('writeFailure()', () => {
  let db: DatabaseSync;
  beforeEach(() => {
    db = new DatabaseSync(':memory:');
    migrate(db);
  });

  it('tells an account once per burst: at the 5th failure within 15 minutes, again only after a quiet window', () => {
    const staff = staffStore(db);
    const id = staff.invite({ name: 'Maryam' }).staffId;
    const start = new Date('2026-11-30T08:00:00Z').getTime();
    const fail = (minutes: number) =>
      writeFailure(db, { staffId: null, action: 'fail:signin', targetStaffId: id }, new Date(start + minutes * 60_000));
    expect([0, 1, 2, 3].map(fail)).toEqual([false, false, false, false]);
    expect(fail(4)).toBe(true);
    // The burst goes on, for longer than a window: no second mail.
    expect([5, 10, 18, 30].map(fail)).toEqual([false, false, false, false]);
    // Quiet for a whole window: the next run of 5 is a new burst.
    const later = 30 + failureBurst.windowMs / 60_000 + 1;
    expect([0, 1, 2, 3, 4].map((m) => fail(later + m))).toEqual([false, false, false, false, true]);
    // Failures spread out never make a burst; nor do failures that name no account.
    const other = staff.invite({ name: 'Leyla' }).staffId;
    const spread = [0, 4, 8, 12, 16, 20].map((m) =>
      writeFailure(db, { staffId: null, action: 'fail:signin', targetStaffId: other }, new Date(start + m * 60_000)),
    );
    expect(spread).toEqual([false, false, false, false, false, false]);
    for (let i = 0; i < 6; i++) expect(writeFailure(db, { staffId: null, action: 'fail:signin:unknown' })).toBe(false);
  });

  it('only writes actions that say they are failures', () => {
    expect(() => writeFailure(db, { staffId: null, action: 'signin' })).toThrow(/fail:/);
    expect(listAudit(db, { failures: true })).toEqual([]);
  });
});
