/**
 * Requests as the inbox sees them: list, take, status, attempts, note, delete. Every change runs
 * in one transaction together with its audit row, so there is never a half-written change.
 */
import type { DatabaseSync } from 'node:sqlite';
import { closingStatuses, type RequestStatus } from '#src/inbox/requestStatus.ts';
import { inTransaction } from './inTransaction.ts';
import { writeAudit } from './audit.ts';
import { channelCounts } from './channelCounts.ts';
import type { ReferralRecord } from './requestIntake.ts';
import { truncateWal } from './openStore.ts';
import { registrationParams } from './interest.ts';

export interface InboxRequest {
  id: number;
  /** 'interest' (the public form) or 'referral' (a partner). */
  kind: string;
  createdAt: string;
  firstName: string;
  phone: string;
  language: string;
  contactMethod: 'call' | 'sms' | 'whatsapp';
  bestTime: string;
  activities: string[];
  interpreter: boolean;
  status: RequestStatus;
  statusAt: string | null;
  closedAt: string | null;
  touchedAt: string | null;
  assignedTo: number | null;
  assignedName: string | null;
  note: string;
  /** Dates of the attempts to reach her, oldest first. */
  attempts: string[];
  /** A referral's referrer and consent record (./requestIntake.ts); null for the form. */
  referral: ReferralRecord | null;
  /** The meeting staff invited her to (its id), and when it starts; null before an invitation. */
  invitedMeeting: string | null;
  invitedFor: string | null;
}

export type RequestFilter = 'waiting' | 'mine' | 'all';

/** Requests per page of the list: enough for a day's calls, light on a cheap phone. */
export const pageSize = 50;

function fromDb(r: Record<string, unknown>, attempts: string[]): InboxRequest {
  return {
    id: Number(r.id),
    kind: String(r.kind),
    createdAt: String(r.created_at),
    firstName: String(r.first_name),
    phone: String(r.phone),
    language: String(r.language),
    contactMethod: r.contact_method as InboxRequest['contactMethod'],
    bestTime: String(r.best_time),
    activities: JSON.parse(String(r.activities)) as string[],
    interpreter: r.interpreter === 1,
    status: r.status as RequestStatus,
    statusAt: (r.status_at as string | null) ?? null,
    closedAt: (r.closed_at as string | null) ?? null,
    touchedAt: (r.touched_at as string | null) ?? null,
    assignedTo: r.assigned_to == null ? null : Number(r.assigned_to),
    assignedName: (r.assigned_name as string | null) ?? null,
    note: String(r.note ?? ''),
    attempts,
    referral: typeof r.referral === 'string' ? (JSON.parse(r.referral) as ReferralRecord) : null,
    invitedMeeting: (r.invited_meeting as string | null) ?? null,
    invitedFor: (r.invited_for as string | null) ?? null,
  };
}

const waitingSql = `i.closed_at IS NULL AND i.status IN ('new', 'not_reached')`;

export function requestsStore(db: DatabaseSync) {
  const base = `SELECT i.*, s.name AS assigned_name FROM interest i LEFT JOIN staff s ON s.id = i.assigned_to`;
  // Open requests first, then each group waiting longest first.
  const order = `ORDER BY (i.closed_at IS NULL) DESC, i.created_at, i.id`;
  const where: Record<RequestFilter, string> = {
    waiting: `WHERE ${waitingSql}`,
    mine: 'WHERE i.assigned_to = ? AND i.closed_at IS NULL',
    all: '',
  };
  const lists = Object.fromEntries(
    Object.entries(where).map(([filter, w]) => [filter, db.prepare(`${base} ${w} ${order} LIMIT ? OFFSET ?`)]),
  ) as Record<RequestFilter, ReturnType<DatabaseSync['prepare']>>;
  const counts = Object.fromEntries(
    Object.entries(where).map(([filter, w]) => [filter, db.prepare(`SELECT count(*) AS n FROM interest i ${w}`)]),
  ) as Record<RequestFilter, ReturnType<DatabaseSync['prepare']>>;
  const byId = db.prepare(`${base} WHERE i.id = ?`);
  const attemptsOf = db.prepare('SELECT at FROM request_attempts WHERE request_id = ? ORDER BY at, id');
  const countWaiting = db.prepare(`SELECT count(*) AS n FROM interest i WHERE ${waitingSql}`);
  const overdue = db.prepare(`SELECT created_at FROM interest i WHERE i.touched_at IS NULL AND ${waitingSql} ORDER BY created_at LIMIT 1`);

  /** The attempts of these requests only, by request id. */
  function attemptsFor(ids: number[]): Map<number, string[]> {
    const map = new Map<number, string[]>();
    if (ids.length === 0) return map;
    const rows = db
      .prepare(`SELECT request_id, at FROM request_attempts WHERE request_id IN (${ids.map(() => '?').join(',')}) ORDER BY at, id`)
      .all(...ids) as { request_id: number; at: string }[];
    for (const row of rows) {
      const list = map.get(Number(row.request_id)) ?? [];
      list.push(row.at);
      map.set(Number(row.request_id), list);
    }
    return map;
  }

  /** Runs one change with its audit row; false when the request does not exist (any more). */
  function change(
    id: number,
    staffId: number,
    action: string,
    sql: string,
    params: (string | number | null)[],
    also?: () => void,
  ): boolean {
    return inTransaction(db, () => {
      const changed = Number(db.prepare(sql).run(...params, id).changes) > 0;
      if (changed) writeAudit(db, { staffId, action, requestId: id });
      if (changed) also?.();
      return changed;
    });
  }
  // The results' funnel counts each stage a request reaches, in the same transaction (./channelCounts.ts).
  const funnel = channelCounts(db);

  return {
    /** One page of the list for a filter (`staffId`: whose "mine"), and how many there are in all. */
    page(filter: RequestFilter, staffId: number, page = 1, size = pageSize): { requests: InboxRequest[]; total: number } {
      const params = filter === 'mine' ? [staffId] : [];
      const total = Number((counts[filter].get(...params) as { n: number }).n);
      const rows = lists[filter].all(...params, size, (Math.max(1, page) - 1) * size) as Record<string, unknown>[];
      const attempts = attemptsFor(rows.map((r) => Number(r.id)));
      return { requests: rows.map((r) => fromDb(r, attempts.get(Number(r.id)) ?? [])), total };
    },

    /** The whole list for a filter (the Excel export). */
    list(filter: RequestFilter, staffId: number): InboxRequest[] {
      return this.page(filter, staffId, 1, -1).requests;
    },

    get(id: number): InboxRequest | undefined {
      const row = byId.get(id) as Record<string, unknown> | undefined;
      if (!row) return undefined;
      return fromDb(
        row,
        (attemptsOf.all(id) as { at: string }[]).map((a) => a.at),
      );
    },

    /** How many wait for a first call (only ever shown to a signed-in person). */
    waitingCount(): number {
      return Number((countWaiting.get() as { n: number }).n);
    },

    /** When the oldest request nobody has touched yet came in (for the daily reminder). */
    oldestUntouched(): string | undefined {
      return (overdue.get() as { created_at: string } | undefined)?.created_at;
    },

    /** "I take it": the request is hers. */
    take(id: number, staffId: number, now = new Date()): boolean {
      const at = now.toISOString();
      return change(id, staffId, 'take', 'UPDATE interest SET assigned_to = ?, touched_at = coalesce(touched_at, ?) WHERE id = ?', [
        staffId,
        at,
      ]);
    },

    setStatus(id: number, staffId: number, status: RequestStatus, now = new Date()): boolean {
      const at = now.toISOString();
      const closed = closingStatuses.includes(status) ? at : null;
      // She came after an invitation: the meeting she was invited to counts one more who came.
      const before = byId.get(id) as { status?: string; invited_meeting?: string | null } | undefined;
      return change(
        id,
        staffId,
        `status:${status}`,
        'UPDATE interest SET status = ?, status_at = ?, closed_at = ?, touched_at = coalesce(touched_at, ?) WHERE id = ?',
        [status, at, closed, at],
        () => {
          funnel.countStatus(id, status);
          if (status === 'came' && before?.status === 'invited' && before.invited_meeting) {
            db.prepare('UPDATE meeting_invitations SET came = came + 1 WHERE meeting = ?').run(before.invited_meeting);
          }
        },
      );
    },

    /**
     * Staff invited her to a meeting (`startsAt`: its start, ISO 8601): the status becomes "invited"
     * with the meeting and its date, and the meeting counts one more invited (once per meeting).
     */
    invite(id: number, staffId: number, meeting: { id: string; startsAt: string }, now = new Date()): boolean {
      const at = now.toISOString();
      const before = byId.get(id) as { invited_meeting?: string | null } | undefined;
      return change(
        id,
        staffId,
        'status:invited',
        `UPDATE interest SET status = 'invited', status_at = ?, closed_at = NULL, invited_meeting = ?, invited_for = ?,
           touched_at = coalesce(touched_at, ?) WHERE id = ?`,
        [at, meeting.id, meeting.startsAt, at],
        () => {
          // Inviting her means she was contacted: the funnel counts that stage.
          funnel.countStatus(id, 'contacted');
          if (before?.invited_meeting === meeting.id) return;
          db.prepare(
            `INSERT INTO meeting_invitations (meeting, starts_at, invited) VALUES (?, ?, 1)
             ON CONFLICT (meeting) DO UPDATE SET invited = invited + 1, starts_at = excluded.starts_at`,
          ).run(meeting.id, meeting.startsAt);
        },
      );
    },

    /** One more try without reaching her: dated, and the status becomes "not reached". */
    addAttempt(id: number, staffId: number, now = new Date()): boolean {
      const at = now.toISOString();
      return inTransaction(db, () => {
        const changed =
          Number(
            db
              .prepare(`UPDATE interest SET status = 'not_reached', status_at = ?, touched_at = coalesce(touched_at, ?) WHERE id = ?`)
              .run(at, at, id).changes,
          ) > 0;
        if (!changed) return false;
        db.prepare('INSERT INTO request_attempts (request_id, at, staff_id) VALUES (?, ?, ?)').run(id, at, staffId);
        writeAudit(db, { staffId, action: 'status:not_reached', requestId: id });
        return true;
      });
    },

    /** Closes a request that was not reached after the attempts. */
    close(id: number, staffId: number, now = new Date()): boolean {
      return change(id, staffId, 'close', 'UPDATE interest SET closed_at = ? WHERE id = ?', [now.toISOString()]);
    },

    setNote(id: number, staffId: number, note: string): boolean {
      return change(id, staffId, 'note', 'UPDATE interest SET note = ? WHERE id = ?', [note]);
    },

    /** Her right to erasure: the row and its attempts go, overwritten on disk (secure_delete, checkpoint). */
    delete(id: number, staffId: number): boolean {
      const removed = inTransaction(db, () => {
        db.prepare('DELETE FROM request_attempts WHERE request_id = ?').run(id);
        const gone = Number(db.prepare('DELETE FROM interest WHERE id = ?').run(id).changes) > 0;
        if (gone) writeAudit(db, { staffId, action: 'delete', requestId: id });
        return gone;
      });
      if (removed) truncateWal(db);
      return removed;
    },

    /** Attempts whose request the retention purge has deleted. */
    dropOrphanAttempts(): number {
      return Number(db.prepare('DELETE FROM request_attempts WHERE request_id NOT IN (SELECT id FROM interest)').run().changes);
    },
  };
}

export type RequestsStore = ReturnType<typeof requestsStore>;

/** The newest request's id (0 when there is none): the mail notices remember up to which one they told staff. */
export function newestRequestId(db: DatabaseSync): number {
  return Number((db.prepare('SELECT coalesce(max(id), 0) AS n FROM interest').get() as { n: number }).n);
}

/** When the oldest open request still "new" and untouched by staff came in (the notices' daily reminder). */
export function oldestNewUntouched(db: DatabaseSync): string | undefined {
  const row = db
    .prepare(
      `SELECT created_at FROM interest WHERE touched_at IS NULL AND closed_at IS NULL AND status = 'new' ORDER BY created_at LIMIT 1`,
    )
    .get() as { created_at: string } | undefined;
  return row?.created_at;
}

/** A request as the bench makes it up: with its status already set, and no counts. */
export interface SyntheticRequest {
  createdAt: string;
  firstName: string;
  phone: string;
  language: string;
  contactMethod: InboxRequest['contactMethod'];
  bestTime: string;
  activities: string[];
  interpreter: boolean;
  consentVersion: string;
  consentLanguage: string;
  status: RequestStatus;
}

/** Many made-up requests in one transaction: the bench's inbox with thousands of rows (scripts/bench/measureInboxList). */
export function addSyntheticRequests(db: DatabaseSync, requests: readonly SyntheticRequest[]): void {
  const insert = db.prepare(`INSERT INTO interest
    (created_at, first_name, phone, language, contact_method, best_time, activities, interpreter, consent_version, consent_language, status)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  inTransaction(db, () => {
    for (const r of requests) {
      insert.run(...registrationParams(r, new Date(r.createdAt)), r.status);
    }
  });
}
