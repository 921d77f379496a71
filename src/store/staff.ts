/**
 * Staff, their roles and their invites, in the one database file; `staffStore()` also carries their
 * passkeys (./passkeys.ts) and sessions (./sessions.ts), so the inbox has one object for all of it.
 * Rules that hold here, whoever calls (the inbox or the CLI):
 * - an invite is made for one account, by id: a new person gets a new account (names need not be
 *   unique and never pick an account); a new link for the same person replaces her older ones;
 * - the last active coordinator can be neither revoked nor made staff, so someone can always invite;
 * - secrets are stored only as SHA-256 hashes: the invite token (128 random bits) and the session
 *   id (256 random bits);
 * - revoking a person ends her sessions at once, removes her passkeys and uses up her open invites;
 *   "lost phone" removes her passkeys, sessions and open invites but keeps the account for a new link.
 */
import { randomBytes } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { inTransaction } from './inTransaction.ts';
import { writeAudit } from './audit.ts';
import { insertPasskey, passkeysStore, type StoredPasskey } from './passkeys.ts';
import { sessionsStore, sha256 } from './sessions.ts';

/** An invite link is good for this long. */
export const inviteValidMs = 24 * 60 * 60 * 1000;

/** The roles, least first: staff answer requests; a coordinator also manages staff, exports, deletes, reads the log. */
export const staffRoles = ['staff', 'coordinator'] as const;
export type StaffRole = (typeof staffRoles)[number];
export const isStaffRole = (value: unknown): value is StaffRole => staffRoles.includes(value as StaffRole);

export interface StaffMember {
  id: number;
  /** Her display name; two people may have the same one. */
  name: string;
  email: string | null;
  role: StaffRole;
  /** role === 'coordinator'. */
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
  const role = isStaffRole(r.role) ? r.role : 'staff';
  return {
    id: Number(r.id),
    name: String(r.name),
    email: (r.email as string | null) ?? null,
    role,
    coordinator: role === 'coordinator',
    notices: r.notices === 1,
    lang: r.lang === 'en' ? 'en' : 'da',
    webauthnUserId: String(r.webauthn_user_id),
    createdAt: String(r.created_at),
    revokedAt: (r.revoked_at as string | null) ?? null,
    passkeys: Number(r.passkeys ?? 0),
  };
}

export type InviteCheck =
  | { ok: true; staff: StaffMember }
  | {
      ok: false;
      reason: 'unknown' | 'expired' | 'used' | 'revoked';
      /** The person the link was made for, when known. */ staffId?: number;
    };

/** What a change to someone's access came to: done, or why not. */
export type AccessChange = 'done' | 'unchanged' | 'notFound' | 'lastCoordinator';

export function staffStore(db: DatabaseSync) {
  const staffSql = 'SELECT s.*, (SELECT count(*) FROM passkeys p WHERE p.staff_id = s.id) AS passkeys FROM staff s';

  const getStaff = (id: number) => {
    const row = db.prepare(`${staffSql} WHERE s.id = ?`).get(id) as Record<string, unknown> | undefined;
    return row ? staffFrom(row) : undefined;
  };

  const activeCoordinators = () =>
    Number((db.prepare(`SELECT count(*) AS n FROM staff WHERE revoked_at IS NULL AND role = 'coordinator'`).get() as { n: number }).n);

  /** A new one-time link for an account; her older open links stop working. Runs inside the caller's transaction. */
  const newInvite = (staffId: number, invitedBy: number | null, now: Date) => {
    const secret = token(16);
    db.prepare('DELETE FROM invites WHERE staff_id = ? AND used_at IS NULL').run(staffId);
    db.prepare('INSERT INTO invites (token_hash, staff_id, created_at, expires_at) VALUES (?, ?, ?, ?)').run(
      sha256(secret),
      staffId,
      now.toISOString(),
      new Date(now.getTime() + inviteValidMs).toISOString(),
    );
    writeAudit(db, { staffId: invitedBy, action: 'invite', targetStaffId: staffId }, now);
    return secret;
  };

  return {
    getStaff,
    activeCoordinators,
    ...passkeysStore(db),
    ...sessionsStore(db, getStaff),

    /** Everyone, active first, by name. */
    listStaff(): StaffMember[] {
      return (
        db.prepare(`${staffSql} ORDER BY (s.revoked_at IS NULL) DESC, s.name COLLATE NOCASE, s.id`).all() as Record<string, unknown>[]
      ).map(staffFrom);
    },

    /** Active people with this display name (the CLI asks for an id when there are several). */
    activeByName(name: string): StaffMember[] {
      const rows = db.prepare(`${staffSql} WHERE s.revoked_at IS NULL AND s.name = ?`).all(name.normalize('NFC').trim()) as Record<
        string,
        unknown
      >[];
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
     * A new person, always a new account (whatever her name), and her one-time invite token.
     * The token is returned once and stored only as a hash.
     */
    invite(input: { name: string; email?: string | null; role?: StaffRole; invitedBy?: number | null }, now = new Date()) {
      const name = input.name.normalize('NFC').trim();
      if (!name) throw new Error('A name is needed.');
      const role = input.role ?? 'staff';
      if (!isStaffRole(role)) throw new Error(`Unknown role "${String(role)}".`);
      return inTransaction(db, () => {
        const result = db
          .prepare('INSERT INTO staff (name, email, role, webauthn_user_id, created_at) VALUES (?, ?, ?, ?, ?)')
          .run(name, input.email?.trim() || null, role, token(16), now.toISOString());
        const staffId = Number(result.lastInsertRowid);
        return { staffId, token: newInvite(staffId, input.invitedBy ?? null, now) };
      });
    },

    /**
     * A new link for an existing, active account (she has not registered yet, or lost her phone):
     * it adds a passkey to that account only, and her older open links stop working.
     */
    reinvite(staffId: number, invitedBy: number | null, now = new Date()): { staffId: number; token: string } | undefined {
      return inTransaction(db, () => {
        const staff = getStaff(staffId);
        if (!staff || staff.revokedAt) return undefined;
        return { staffId, token: newInvite(staffId, invitedBy, now) };
      });
    },

    /** Whether an invite token may still register a passkey. Changes nothing. */
    checkInvite(secret: string, now = new Date()): InviteCheck {
      if (!/^[A-Za-z0-9_-]{16,64}$/.test(secret)) return { ok: false, reason: 'unknown' };
      const row = db.prepare('SELECT * FROM invites WHERE token_hash = ?').get(sha256(secret)) as Record<string, string | null> | undefined;
      if (!row) return { ok: false, reason: 'unknown' };
      const staffId = Number(row.staff_id);
      if (row.used_at) return { ok: false, reason: 'used', staffId };
      if (Date.parse(String(row.expires_at)) <= now.getTime()) return { ok: false, reason: 'expired', staffId };
      const staff = getStaff(staffId);
      if (!staff || staff.revokedAt) return { ok: false, reason: 'revoked', staffId };
      return { ok: true, staff };
    },

    /** Stores the passkey on the account the invite was made for, and uses up the invite, in one transaction. */
    redeemInvite(secret: string, passkey: StoredPasskey, now = new Date()): boolean {
      return inTransaction(db, () => {
        const used = db
          .prepare('UPDATE invites SET used_at = ? WHERE token_hash = ? AND staff_id = ? AND used_at IS NULL AND expires_at > ?')
          .run(now.toISOString(), sha256(secret), passkey.staffId, now.toISOString());
        if (Number(used.changes) !== 1) return false;
        insertPasskey(db, passkey, now);
        // She signs in with it at once (the session starts with it).
        db.prepare('UPDATE passkeys SET last_used_at = ? WHERE id = ?').run(now.toISOString(), passkey.id);
        writeAudit(db, { staffId: passkey.staffId, action: 'passkey:add', targetStaffId: passkey.staffId }, now);
        return true;
      });
    },

    /** Revokes a person: she can no longer sign in, and every session of hers ends. Never the last coordinator. */
    revoke(staffId: number, byStaffId: number | null, now = new Date()): AccessChange {
      return inTransaction(db, () => {
        const staff = getStaff(staffId);
        if (!staff || staff.revokedAt) return 'notFound';
        if (staff.coordinator && activeCoordinators() <= 1) return 'lastCoordinator';
        db.prepare('UPDATE staff SET revoked_at = ? WHERE id = ?').run(now.toISOString(), staffId);
        db.prepare('DELETE FROM sessions WHERE staff_id = ?').run(staffId);
        db.prepare('DELETE FROM passkeys WHERE staff_id = ?').run(staffId);
        db.prepare('UPDATE invites SET used_at = ? WHERE staff_id = ? AND used_at IS NULL').run(now.toISOString(), staffId);
        writeAudit(db, { staffId: byStaffId, action: 'revoke', targetStaffId: staffId }, now);
        return 'done';
      });
    },

    /** Makes her staff or coordinator (audited as role:<from>><to>). The last coordinator stays one. */
    setRole(staffId: number, role: StaffRole, byStaffId: number | null, now = new Date()): AccessChange {
      if (!isStaffRole(role)) throw new Error(`Unknown role "${String(role)}".`);
      return inTransaction(db, () => {
        const staff = getStaff(staffId);
        if (!staff || staff.revokedAt) return 'notFound';
        if (staff.role === role) return 'unchanged';
        if (staff.coordinator && activeCoordinators() <= 1) return 'lastCoordinator';
        db.prepare('UPDATE staff SET role = ? WHERE id = ?').run(role, staffId);
        writeAudit(db, { staffId: byStaffId, action: `role:${staff.role}>${role}`, targetStaffId: staffId }, now);
        return 'done';
      });
    },

    /**
     * "Lost phone": removes all her passkeys, ends all her sessions and voids her open links at
     * once; the account stays, for a new link (reinvite).
     */
    lostPhone(staffId: number, byStaffId: number | null, now = new Date()): AccessChange {
      return inTransaction(db, () => {
        const staff = getStaff(staffId);
        if (!staff || staff.revokedAt) return 'notFound';
        db.prepare('DELETE FROM sessions WHERE staff_id = ?').run(staffId);
        db.prepare('DELETE FROM passkeys WHERE staff_id = ?').run(staffId);
        db.prepare('DELETE FROM invites WHERE staff_id = ? AND used_at IS NULL').run(staffId);
        writeAudit(db, { staffId: byStaffId, action: 'lostphone', targetStaffId: staffId }, now);
        return 'done';
      });
    },

    setPreferences(staffId: number, prefs: { notices?: boolean; lang?: 'da' | 'en' }): void {
      if (prefs.notices !== undefined) db.prepare('UPDATE staff SET notices = ? WHERE id = ?').run(prefs.notices ? 1 : 0, staffId);
      if (prefs.lang !== undefined) db.prepare('UPDATE staff SET lang = ? WHERE id = ?').run(prefs.lang, staffId);
    },

    /**
     * The daily housekeeping, on the requests' schedule (`retentionDays`): invites used or expired,
     * and accounts revoked, more than that long ago go, with anything left of theirs. Returns counts.
     */
    purgeStaff(retentionDays: number, now = new Date()): { invites: number; accounts: number } {
      if (!Number.isFinite(retentionDays) || retentionDays < 1)
        throw new RangeError(`retentionDays must be positive, got ${retentionDays}`);
      const cutoff = new Date(now.getTime() - retentionDays * 86_400_000).toISOString();
      return inTransaction(db, () => {
        const gone = (
          db.prepare('SELECT id FROM staff WHERE revoked_at IS NOT NULL AND revoked_at < ?').all(cutoff) as { id: number }[]
        ).map((r) => Number(r.id));
        for (const id of gone) {
          db.prepare('DELETE FROM sessions WHERE staff_id = ?').run(id);
          db.prepare('DELETE FROM passkeys WHERE staff_id = ?').run(id);
          db.prepare('DELETE FROM invites WHERE staff_id = ?').run(id);
          db.prepare('DELETE FROM staff WHERE id = ?').run(id);
        }
        const invites = Number(
          db.prepare('DELETE FROM invites WHERE (used_at IS NOT NULL AND used_at < ?) OR expires_at < ?').run(cutoff, cutoff).changes,
        );
        return { invites, accounts: gone.length };
      });
    },
  };
}

export type StaffStore = ReturnType<typeof staffStore>;
