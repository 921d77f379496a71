/**
 * Staff passkeys (WebAuthn credentials; the ceremony itself is src/inbox/passkeys.ts): the public
 * key, the authenticator's counter and transports, per staff member. No secret is stored.
 */
import type { DatabaseSync } from 'node:sqlite';
import { inTransaction } from './inTransaction.ts';
import { writeAudit } from './audit.ts';

export interface StoredPasskey {
  id: string;
  staffId: number;
  publicKey: Uint8Array;
  counter: number;
  transports: string[];
}

/** What she sees of a passkey on /inbox/me/. */
export interface PasskeySummary {
  id: string;
  createdAt: string;
  /** The last sign-in or confirmation with it; null when never used since it was made. */
  lastUsedAt: string | null;
}

function passkeyFrom(r: Record<string, unknown>): StoredPasskey {
  return {
    id: String(r.id),
    staffId: Number(r.staff_id),
    publicKey: new Uint8Array(r.public_key as Uint8Array),
    counter: Number(r.counter),
    transports: JSON.parse(String(r.transports)) as string[],
  };
}

/** Stores a passkey; the caller runs it in the transaction of what it belongs to (an invite, an audit row). */
export function insertPasskey(db: DatabaseSync, p: StoredPasskey, now: Date): void {
  db.prepare('INSERT INTO passkeys (id, staff_id, public_key, counter, transports, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    p.id,
    p.staffId,
    p.publicKey,
    p.counter,
    JSON.stringify(p.transports),
    now.toISOString(),
  );
}

export type PasskeyRemoval = 'removed' | 'notFound' | 'last';

export function passkeysStore(db: DatabaseSync) {
  return {
    /** A further passkey (phone and laptop) for a signed-in person who has just confirmed with one. */
    addPasskey(passkey: StoredPasskey, now = new Date()): void {
      inTransaction(db, () => {
        insertPasskey(db, passkey, now);
        writeAudit(db, { staffId: passkey.staffId, action: 'passkey:add', targetStaffId: passkey.staffId }, now);
      });
    },

    passkeysOf(staffId: number): StoredPasskey[] {
      return (db.prepare('SELECT * FROM passkeys WHERE staff_id = ?').all(staffId) as Record<string, unknown>[]).map(passkeyFrom);
    },

    /** Her passkeys, oldest first, with when each was made and last used. */
    passkeySummaries(staffId: number): PasskeySummary[] {
      const rows = db
        .prepare('SELECT id, created_at, last_used_at FROM passkeys WHERE staff_id = ? ORDER BY created_at, id')
        .all(staffId) as {
        id: string;
        created_at: string;
        last_used_at: string | null;
      }[];
      return rows.map((r) => ({ id: String(r.id), createdAt: r.created_at, lastUsedAt: r.last_used_at ?? null }));
    },

    findPasskey(id: string): StoredPasskey | undefined {
      const row = db.prepare('SELECT * FROM passkeys WHERE id = ?').get(id) as Record<string, unknown> | undefined;
      return row ? passkeyFrom(row) : undefined;
    },

    /** After a sign-in or a confirmation: the authenticator's new counter. */
    usePasskey(id: string, counter: number, now = new Date()): void {
      db.prepare('UPDATE passkeys SET counter = ?, last_used_at = ? WHERE id = ?').run(counter, now.toISOString(), id);
    },

    /**
     * Removes one of her passkeys and ends the sessions signed in with it (a lost phone's). Never
     * the last one: that would lock her out ("last").
     */
    removePasskey(staffId: number, passkeyId: string, now = new Date()): PasskeyRemoval {
      return inTransaction(db, () => {
        const { n } = db.prepare('SELECT count(*) AS n FROM passkeys WHERE staff_id = ?').get(staffId) as { n: number };
        const mine = db.prepare('SELECT 1 FROM passkeys WHERE id = ? AND staff_id = ?').get(passkeyId, staffId);
        if (!mine) return 'notFound';
        if (Number(n) <= 1) return 'last';
        db.prepare('DELETE FROM passkeys WHERE id = ? AND staff_id = ?').run(passkeyId, staffId);
        db.prepare('DELETE FROM sessions WHERE staff_id = ? AND passkey_id = ?').run(staffId, passkeyId);
        writeAudit(db, { staffId, action: 'passkey:remove', targetStaffId: staffId }, now);
        return 'removed';
      });
    },
  };
}
