/**
 * Staff and their invites, in the one database file; `staffStore()` also carries their passkeys
 * (./passkeys.ts) and sessions (./sessions.ts), so the inbox has one object for all of it.
 * Secrets are stored only as SHA-256 hashes: the invite token (128 random bits) and the session
 * id (256 random bits). Revoking a person ends her sessions at once (they are deleted; her next
 * request finds none), removes her passkeys and uses up her open invites.
 */
import { randomBytes } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { inTransaction } from './inTransaction.ts';
import { writeAudit } from './audit.ts';
import { insertPasskey, passkeysStore, type StoredPasskey } from './passkeys.ts';
import { sessionsStore, sha256 } from './sessions.ts';

/** An invite link is good for this long. */
export const inviteValidMs = 24 * 60 * 60 * 1000;

export interface StaffMember {
  id: number;
  name: string;
  email: string | null;
  coordinator: boolean;
  notices: boolean;
  lang: 'da' | 'en';
  webauthnUserId: string;
  createdAt: string;
  revokedAt: string | null;
  passkeys: number;
}

const token = (bytes: number) => randomBytes(bytes).toString('base64url');

function staffFrom(r: Record<string, unknown>): StaffMember {
  return {
    id: Number(r.id),
    name: String(r.name),
    email: (r.email as string | null) ?? null,
    coordinator: r.coordinator === 1,
    notices: r.notices === 1,
    lang: r.lang === 'en' ? 'en' : 'da',
    webauthnUserId: String(r.webauthn_user_id),
    createdAt: String(r.created_at),
    revokedAt: (r.revoked_at as string | null) ?? null,
    passkeys: Number(r.passkeys ?? 0),
  };
}

export type InviteCheck = { ok: true; staff: StaffMember } | { ok: false; reason: 'unknown' | 'expired' | 'used' | 'revoked' };

export function staffStore(db: DatabaseSync) {
  const staffSql = 'SELECT s.*, (SELECT count(*) FROM passkeys p WHERE p.staff_id = s.id) AS passkeys FROM staff s';

  const getStaff = (id: number) => {
    const row = db.prepare(`${staffSql} WHERE s.id = ?`).get(id) as Record<string, unknown> | undefined;
    return row ? staffFrom(row) : undefined;
  };

  return {
    getStaff,
    ...passkeysStore(db),
    ...sessionsStore(db, getStaff),

    /** Everyone, active first, by name. */
    listStaff(): StaffMember[] {
      return (db.prepare(`${staffSql} ORDER BY (s.revoked_at IS NULL) DESC, s.name COLLATE NOCASE`).all() as Record<string, unknown>[]).map(
        staffFrom,
      );
    },

    activeByName(name: string): StaffMember[] {
      const rows = db.prepare(`${staffSql} WHERE s.revoked_at IS NULL AND s.name = ?`).all(name.trim()) as Record<string, unknown>[];
      return rows.map(staffFrom);
    },

    /** Active staff who want a mail when a request arrives. */
    noticeRecipients(): string[] {
      const rows = db
        .prepare(`SELECT email FROM staff WHERE revoked_at IS NULL AND notices = 1 AND email IS NOT NULL AND email != ''`)
        .all();
      return (rows as { email: string }[]).map((r) => r.email);
    },

    /**
     * A new person (or a new link for someone not yet registered) and her one-time invite token.
     * The token is returned once and stored only as a hash.
     */
    invite(input: { name: string; email?: string | null; coordinator?: boolean; invitedBy?: number | null }, now = new Date()) {
      const name = input.name.normalize('NFC').trim();
      if (!name) throw new Error('A name is needed.');
      const secret = token(16);
      return inTransaction(db, () => {
        const existing = db.prepare('SELECT id FROM staff WHERE revoked_at IS NULL AND name = ?').get(name) as { id: number } | undefined;
        let staffId: number;
        if (existing) {
          staffId = Number(existing.id);
        } else {
          const result = db
            .prepare('INSERT INTO staff (name, email, coordinator, webauthn_user_id, created_at) VALUES (?, ?, ?, ?, ?)')
            .run(name, input.email?.trim() || null, input.coordinator ? 1 : 0, token(16), now.toISOString());
          staffId = Number(result.lastInsertRowid);
        }
        db.prepare('INSERT INTO invites (token_hash, staff_id, created_at, expires_at) VALUES (?, ?, ?, ?)').run(
          sha256(secret),
          staffId,
          now.toISOString(),
          new Date(now.getTime() + inviteValidMs).toISOString(),
        );
        writeAudit(db, { staffId: input.invitedBy ?? null, action: 'invite' }, now);
        return { staffId, token: secret };
      });
    },

    /** Whether an invite token may still register a passkey. Changes nothing. */
    checkInvite(secret: string, now = new Date()): InviteCheck {
      if (!/^[A-Za-z0-9_-]{16,64}$/.test(secret)) return { ok: false, reason: 'unknown' };
      const row = db.prepare('SELECT * FROM invites WHERE token_hash = ?').get(sha256(secret)) as Record<string, string | null> | undefined;
      if (!row) return { ok: false, reason: 'unknown' };
      if (row.used_at) return { ok: false, reason: 'used' };
      if (Date.parse(String(row.expires_at)) <= now.getTime()) return { ok: false, reason: 'expired' };
      const staff = getStaff(Number(row.staff_id));
      if (!staff || staff.revokedAt) return { ok: false, reason: 'revoked' };
      return { ok: true, staff };
    },

    /** Stores her first passkey and uses up the invite, in one transaction. */
    redeemInvite(secret: string, passkey: StoredPasskey, now = new Date()): boolean {
      return inTransaction(db, () => {
        const used = db
          .prepare('UPDATE invites SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?')
          .run(now.toISOString(), sha256(secret), now.toISOString());
        if (Number(used.changes) !== 1) return false;
        insertPasskey(db, passkey, now);
        writeAudit(db, { staffId: passkey.staffId, action: 'passkey:add' }, now);
        return true;
      });
    },

    /** Revokes a person: she can no longer sign in, and every session of hers ends. */
    revoke(staffId: number, byStaffId: number | null, now = new Date()): boolean {
      return inTransaction(db, () => {
        const changed = Number(
          db.prepare('UPDATE staff SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(now.toISOString(), staffId).changes,
        );
        if (changed === 0) return false;
        db.prepare('DELETE FROM sessions WHERE staff_id = ?').run(staffId);
        db.prepare('DELETE FROM passkeys WHERE staff_id = ?').run(staffId);
        db.prepare('UPDATE invites SET used_at = ? WHERE staff_id = ? AND used_at IS NULL').run(now.toISOString(), staffId);
        writeAudit(db, { staffId: byStaffId, action: 'revoke' }, now);
        return true;
      });
    },

    setPreferences(staffId: number, prefs: { notices?: boolean; lang?: 'da' | 'en' }): void {
      if (prefs.notices !== undefined) db.prepare('UPDATE staff SET notices = ? WHERE id = ?').run(prefs.notices ? 1 : 0, staffId);
      if (prefs.lang !== undefined) db.prepare('UPDATE staff SET lang = ? WHERE id = ?').run(prefs.lang, staffId);
    },
  };
}

export type StaffStore = ReturnType<typeof staffStore>;
