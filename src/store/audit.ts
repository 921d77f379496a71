/**
 * The audit log: who signed in, viewed, changed a status, exported, deleted or invited, when,
 * and which request id. It never holds her name or number. Rows older than a year are purged.
 */
import type { DatabaseSync } from 'node:sqlite';

/** How long audit rows are kept. */
export const auditRetentionDays = 365;

export interface AuditEntry {
  /** The staff member who acted (null: the command line or the server itself). */
  staffId: number | null;
  /** What she did: signin, signout, view, take, status:<status>, note, close, export, delete, invite, revoke, … */
  action: string;
  /** The request it concerned, if any. */
  requestId?: number | null;
}

export function writeAudit(db: DatabaseSync, entry: AuditEntry, now = new Date()): void {
  db.prepare('INSERT INTO audit (at, staff_id, action, request_id) VALUES (?, ?, ?, ?)').run(
    now.toISOString(),
    entry.staffId,
    entry.action,
    entry.requestId ?? null,
  );
}

export interface AuditRow {
  id: number;
  at: string;
  staffName: string | null;
  action: string;
  requestId: number | null;
}

/** The newest rows first. */
export function listAudit(db: DatabaseSync, limit = 500): AuditRow[] {
  const rows = db
    .prepare(
      'SELECT a.id, a.at, a.action, a.request_id, s.name FROM audit a LEFT JOIN staff s ON s.id = a.staff_id ORDER BY a.id DESC LIMIT ?',
    )
    .all(limit) as { id: number; at: string; action: string; request_id: number | null; name: string | null }[];
  return rows.map((r) => ({ id: Number(r.id), at: r.at, staffName: r.name, action: r.action, requestId: r.request_id }));
}

/** Deletes audit rows older than a year; returns how many. */
export function purgeAudit(db: DatabaseSync, now = new Date()): number {
  const cutoff = new Date(now.getTime() - auditRetentionDays * 86_400_000).toISOString();
  return Number(db.prepare('DELETE FROM audit WHERE at < ?').run(cutoff).changes);
}
