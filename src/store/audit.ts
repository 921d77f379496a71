/**
 * The audit log: who signed in, viewed, changed a status, exported, deleted, invited or changed a
 * role, when, which request id and which staff member it concerned; and what failed (a sign-in, an
 * invite link, a refused page, a rate limit). It never holds her name or number, a token or an
 * address. Rows older than a year are purged.
 */
import type { DatabaseSync } from 'node:sqlite';
import { inTransaction } from './inTransaction.ts';

/** How long audit rows are kept (docs/staff.md says why). */
export const auditRetentionDays = 365;

/** A burst of failures for one account: this many within the window mails its owner, once per burst. */
export const failureBurst = { count: 5, windowMs: 15 * 60 * 1000 };

/** Every failure's action starts so (fail:signin, fail:forbidden:export …): the log's filter and the burst count use it. */
export const failurePrefix = 'fail:';

export interface AuditEntry {
  /** The staff member who acted (null: the command line, the server itself, or someone not signed in). */
  staffId: number | null;
  /** What she did: signin, signout, view, take, status:<status>, note, close, export, delete, invite, revoke, role:<from>><to>, fail:… */
  action: string;
  /** The request it concerned, if any. */
  requestId?: number | null;
  /** The staff member it concerned, if any: whose role changed, who was invited, whose sign-in failed. */
  targetStaffId?: number | null;
}

export function writeAudit(db: DatabaseSync, entry: AuditEntry, now = new Date()): void {
  db.prepare('INSERT INTO audit (at, staff_id, action, request_id, target_staff_id) VALUES (?, ?, ?, ?, ?)').run(
    now.toISOString(),
    entry.staffId,
    entry.action,
    entry.requestId ?? null,
    entry.targetStaffId ?? null,
  );
}

/**
 * Writes a failure row. True when it completes a burst for the account it concerns
 * (`failureBurst.count` failures within the window) whose owner has not been told yet: a burst
 * is told once, and counts as over after a whole window without failures.
 */
export function writeFailure(db: DatabaseSync, entry: AuditEntry, now = new Date()): boolean {
  if (!entry.action.startsWith(failurePrefix)) throw new Error(`A failure's action starts with "${failurePrefix}".`);
  return inTransaction(db, () => {
    writeAudit(db, entry, now);
    const account = entry.targetStaffId;
    if (account == null) return false;
    const row = db.prepare('SELECT failures_noticed_at FROM staff WHERE id = ?').get(account) as
      { failures_noticed_at: string | null } | undefined;
    if (!row) return false;
    const since = now.getTime() - failureBurst.windowMs;
    if (row.failures_noticed_at && Date.parse(row.failures_noticed_at) > since) {
      // The burst she was told about goes on: no second mail, and it stays open while failures come.
      db.prepare('UPDATE staff SET failures_noticed_at = ? WHERE id = ?').run(now.toISOString(), account);
      return false;
    }
    const { n } = db
      .prepare(`SELECT count(*) AS n FROM audit WHERE target_staff_id = ? AND action LIKE '${failurePrefix}%' AND at > ?`)
      .get(account, new Date(since).toISOString()) as { n: number };
    if (Number(n) < failureBurst.count) return false;
    db.prepare('UPDATE staff SET failures_noticed_at = ? WHERE id = ?').run(now.toISOString(), account);
    return true;
  });
}

export interface AuditRow {
  id: number;
  at: string;
  /** Who acted (null: the command line, the server, someone not signed in, or a purged account). */
  staffId: number | null;
  staffName: string | null;
  action: string;
  requestId: number | null;
  /** Whom it concerned. */
  targetStaffId: number | null;
  targetName: string | null;
}

/** The newest rows first; `failures` keeps only failed sign-ins, refused invites and pages, rate limits. */
export function listAudit(db: DatabaseSync, options: { limit?: number; failures?: boolean } = {}): AuditRow[] {
  const where = options.failures ? `WHERE a.action LIKE '${failurePrefix}%'` : '';
  const rows = db
    .prepare(
      `SELECT a.id, a.at, a.action, a.request_id, a.staff_id, s.name, a.target_staff_id, t.name AS target_name
       FROM audit a LEFT JOIN staff s ON s.id = a.staff_id LEFT JOIN staff t ON t.id = a.target_staff_id
       ${where} ORDER BY a.id DESC LIMIT ?`,
    )
    .all(options.limit ?? 500) as {
    id: number;
    at: string;
    action: string;
    request_id: number | null;
    staff_id: number | null;
    name: string | null;
    target_staff_id: number | null;
    target_name: string | null;
  }[];
  return rows.map((r) => ({
    id: Number(r.id),
    at: r.at,
    staffId: r.staff_id,
    staffName: r.name,
    action: r.action,
    requestId: r.request_id,
    targetStaffId: r.target_staff_id,
    targetName: r.target_name,
  }));
}

/** Deletes audit rows older than a year; returns how many. */
export function purgeAudit(db: DatabaseSync, now = new Date()): number {
  const cutoff = new Date(now.getTime() - auditRetentionDays * 86_400_000).toISOString();
  return Number(db.prepare('DELETE FROM audit WHERE at < ?').run(cutoff).changes);
}
