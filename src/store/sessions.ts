/**
 * Staff sessions. Only the SHA-256 of the cookie's session id (256 random bits) is stored. A
 * session lasts at most 8 hours, and ends after 30 minutes without use; revoking a person deletes
 * her sessions (./staff.ts), so her next request finds none. Each session remembers its last
 * passkey check (the sign-in, or "confirm with your passkey"): adding a passkey needs one from
 * the last 5 minutes, so a borrowed session cannot give someone a lasting way in.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { inTransaction, isUnavailable } from './inTransaction.ts';
import { writeAudit } from './audit.ts';

/** A session ends this long after sign-in, whatever happens. */
export const sessionMaxMs = 8 * 60 * 60 * 1000;
/** A session ends after this long without a request. */
export const sessionIdleMs = 30 * 60 * 1000;
/** Adding a passkey needs a passkey check within this long. */
export const freshCheckMs = 5 * 60 * 1000;

/** How a secret (a session id, an invite token) is stored: its SHA-256, never itself. */
export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** The sessions, with `getStaff` to find who a session belongs to. */
/** Sessions of staff members; `getStaff` reads the member (./staff.ts), so this module need not import it. */
export function sessionsStore<Member extends { revokedAt: string | null }>(db: DatabaseSync, getStaff: (id: number) => Member | undefined) {
  return {
    /**
     * A new session, just checked with a passkey (`passkeyId`: the one she signed in with; none
     * when she has just made her first from an invite); the id goes into the cookie and only its
     * hash into the database.
     */
    createSession(staffId: number, now = new Date(), passkeyId: string | null = null): string {
      const id = randomBytes(32).toString('base64url');
      inTransaction(db, () => {
        db.prepare('INSERT INTO sessions (id_hash, staff_id, created_at, seen_at, verified_at, passkey_id) VALUES (?, ?, ?, ?, ?, ?)').run(
          sha256(id),
          staffId,
          now.toISOString(),
          now.toISOString(),
          now.toISOString(),
          passkeyId,
        );
        writeAudit(db, { staffId, action: 'signin' }, now);
      });
      return id;
    },

    /**
     * The signed-in person for a cookie's session id, or undefined (no, unknown, expired,
     * idle or revoked). A valid session is marked as used now.
     */
    sessionStaff(id: string | undefined, now = new Date()): Member | undefined {
      if (!id || id.length > 100) return undefined;
      const hash = sha256(id);
      const row = db.prepare('SELECT * FROM sessions WHERE id_hash = ?').get(hash) as Record<string, string> | undefined;
      if (!row) return undefined;
      const t = now.getTime();
      if (t - Date.parse(row.created_at!) > sessionMaxMs || t - Date.parse(row.seen_at!) > sessionIdleMs) {
        db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(hash);
        return undefined;
      }
      const staff = getStaff(Number(row.staff_id));
      if (!staff || staff.revokedAt) {
        db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(hash);
        return undefined;
      }
      try {
        db.prepare('UPDATE sessions SET seen_at = ? WHERE id_hash = ?').run(now.toISOString(), hash);
      } catch (error) {
        // A locked or full database must not sign her out: the page says "try again" instead.
        if (!isUnavailable(error)) throw error;
      }
      return staff;
    },

    /** True when the session's last passkey check is at most `freshCheckMs` old. Changes nothing. */
    isFreshSession(id: string | undefined, now = new Date()): boolean {
      if (!id || id.length > 100) return false;
      const row = db.prepare('SELECT verified_at FROM sessions WHERE id_hash = ?').get(sha256(id)) as
        { verified_at: string | null } | undefined;
      if (!row?.verified_at) return false;
      const age = now.getTime() - Date.parse(row.verified_at);
      return age >= 0 && age <= freshCheckMs;
    },

    /** The passkey this session signed in with, if any. */
    sessionPasskey(id: string | undefined): string | undefined {
      if (!id || id.length > 100) return undefined;
      const row = db.prepare('SELECT passkey_id FROM sessions WHERE id_hash = ?').get(sha256(id)) as
        { passkey_id: string | null } | undefined;
      return row?.passkey_id ?? undefined;
    },

    /** She has just confirmed with her passkey in this session (audited). */
    confirmSession(id: string, staffId: number, now = new Date()): boolean {
      return inTransaction(db, () => {
        const changed = db
          .prepare('UPDATE sessions SET verified_at = ? WHERE id_hash = ? AND staff_id = ?')
          .run(now.toISOString(), sha256(id), staffId).changes;
        if (Number(changed) !== 1) return false;
        writeAudit(db, { staffId, action: 'confirm', targetStaffId: staffId }, now);
        return true;
      });
    },

    /** The staff member a session id belongs to, without marking it used (to name who sent a refused request). */
    sessionOwner(id: string | undefined): number | undefined {
      if (!id || id.length > 100) return undefined;
      const row = db.prepare('SELECT staff_id FROM sessions WHERE id_hash = ?').get(sha256(id)) as { staff_id: number } | undefined;
      return row ? Number(row.staff_id) : undefined;
    },

    endSession(id: string, staffId: number, now = new Date()): void {
      inTransaction(db, () => {
        db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(sha256(id));
        writeAudit(db, { staffId, action: 'signout' }, now);
      });
    },

    /** Sessions past their time (the daily housekeeping). */
    purgeSessions(now = new Date()): number {
      const maxCut = new Date(now.getTime() - sessionMaxMs).toISOString();
      const idleCut = new Date(now.getTime() - sessionIdleMs).toISOString();
      return Number(db.prepare('DELETE FROM sessions WHERE created_at < ? OR seen_at < ?').run(maxCut, idleCut).changes);
    },
  };
}
