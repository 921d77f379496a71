/**
 * "Invited to a meeting" (issue 25): the status with the meeting and its date, the audit row, and
 * per meeting how many were invited and how many of them came, counts that outlive the request.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { DatabaseSync } from 'node:sqlite';
import { migrate } from '#src/store/migrations.ts';
import { requestsStore } from '#src/store/requests.ts';
import { staffStore } from '#src/store/staff.ts';
import { listAudit } from '#src/store/audit.ts';
import { meetingInvitationResults } from '#src/store/results.ts';
import { isWaiting } from '#src/inbox/requestStatus.ts';

describe('inviting a request to a meeting', () => {
  let db: DatabaseSync;
  let store: ReturnType<typeof requestsStore>;
  let staffId: number;
  const meeting = { id: '2027-01-14-beboerhuset-greve-nord', startsAt: '2027-01-14T17:00:00+01:00' };
  const add = (firstName: string) =>
    Number(
      db
        .prepare(
          `INSERT INTO interest
             (created_at, first_name, phone, language, contact_method, best_time, activities,
              interpreter, consent_version, consent_language)
           VALUES ('2026-11-01T10:00:00Z', ?, '+4512345678', 'so', 'sms', 'any', '[]', 1, 'v', 'so')`,
        )
        .run(firstName).lastInsertRowid,
    );
  beforeEach(() => {
    db = new DatabaseSync(':memory:');
    migrate(db);
    store = requestsStore(db);
    staffId = staffStore(db).invite({ name: 'Maryam' }).staffId;
  });

  it('sets the status "invited" with the meeting and its date, audited, and she no longer waits for a call', () => {
    const id = add('Hodan');
    expect(store.invite(id, staffId, meeting, new Date('2026-12-01T10:00:00Z'))).toBe(true);
    const r = store.get(id)!;
    expect([r.status, r.invitedMeeting, r.invitedFor, r.statusAt]).toEqual([
      'invited',
      meeting.id,
      meeting.startsAt,
      '2026-12-01T10:00:00.000Z',
    ]);
    expect(isWaiting(r)).toBe(false);
    expect(listAudit(db).map((a) => a.action)).toContain('status:invited');
    expect(store.invite(9999, staffId, meeting)).toBe(false);
  });

  it('counts per meeting how many were invited and how many of them came, once each, after the request is deleted too', () => {
    const hodan = add('Hodan');
    const amal = add('Amal');
    const other = add('Other');
    store.invite(hodan, staffId, meeting);
    store.invite(hodan, staffId, meeting); // the same invitation sent again counts once
    store.invite(amal, staffId, meeting);
    store.setStatus(hodan, staffId, 'came');
    store.setStatus(other, staffId, 'came'); // came without an invitation from the inbox: not counted here
    expect(meetingInvitationResults(db)).toEqual([{ meeting: meeting.id, startsAt: meeting.startsAt, invited: 2, came: 1 }]);
    store.delete(hodan, staffId);
    expect(meetingInvitationResults(db)[0]).toMatchObject({ invited: 2, came: 1 });
  });

  it('an invitation counts her as contacted in the funnel', () => {
    const id = add('Hodan');
    store.invite(id, staffId, meeting);
    const stages = db.prepare('SELECT stage, count FROM monthly_funnel ORDER BY stage').all();
    expect(stages).toEqual([{ stage: 'contacted', count: 1 }]);
  });
});
