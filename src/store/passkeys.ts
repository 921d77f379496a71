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

export function passkeysStore(db: DatabaseSync) {
  return {
    /** A further passkey (phone and laptop) for a signed-in person. */
    addPasskey(passkey: StoredPasskey, now = new Date()): void {
      inTransaction(db, () => {
        insertPasskey(db, passkey, now);
        writeAudit(db, { staffId: passkey.staffId, action: 'passkey:add' }, now);
      });
    },

    passkeysOf(staffId: number): StoredPasskey[] {
      return (db.prepare('SELECT * FROM passkeys WHERE staff_id = ?').all(staffId) as Record<string, unknown>[]).map(passkeyFrom);
    },

    findPasskey(id: string): StoredPasskey | undefined {
      const row = db.prepare('SELECT * FROM passkeys WHERE id = ?').get(id) as Record<string, unknown> | undefined;
      return row ? passkeyFrom(row) : undefined;
    },

    /** After a sign-in: the authenticator's new counter. */
    usePasskey(id: string, counter: number, now = new Date()): void {
      db.prepare('UPDATE passkeys SET counter = ?, last_used_at = ? WHERE id = ?').run(counter, now.toISOString(), id);
    },
  };
}
