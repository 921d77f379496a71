import { beforeEach, describe, expect, it } from 'vitest';
import { DatabaseSync } from 'node:sqlite';
import { migrate } from '#src/store/migrations.ts';
import { newRequestSubject, noticeBody, reminderSubject, sendDueNotices, type Mailer } from '#src/inbox/mailNotices.ts';

const origin = 'https://aabendoer.example.dk';

describe('sendDueNotices()', () => {
  let db: DatabaseSync;
  let sent: { to: string[]; subject: string; text: string }[];
  let logged: string[];
  let failing: boolean;
  const mailer: Mailer = {
    async send(to, subject, text) {
      if (failing) throw Object.assign(new Error('connect ECONNREFUSED to Hodan +4520998877'), { code: 'ECONNREFUSED' });
      sent.push({ to, subject, text });
    },
  };
  const deps = () => ({ db, mailer, origin, recipients: () => ['maryam@example.dk'], log: (l: string) => logged.push(l) });
  const add = (at: string, firstName = 'Hodan') =>
    db
      .prepare(
        `INSERT INTO interest
           (created_at, first_name, phone, language, contact_method, best_time, activities, interpreter, consent_version, consent_language)
         VALUES (?, ?, '+4520998877', 'so', 'sms', 'any', '[]', 1, 'v', 'so')`,
      )
      .run(at, firstName);

  beforeEach(() => {
    db = new DatabaseSync(':memory:');
    migrate(db);
    sent = [];
    logged = [];
    failing = false;
  });

  it('mails a fixed subject and only a link when a request arrives, once per new request', async () => {
    const now = new Date('2026-11-30T10:00:00Z');
    await sendDueNotices(deps(), now);
    expect(sent).toEqual([]);
    add('2026-11-30T10:00:01Z');
    await sendDueNotices(deps(), now);
    expect(sent).toEqual([{ to: ['maryam@example.dk'], subject: newRequestSubject, text: `${origin}/inbox/\n` }]);
    await sendDueNotices(deps(), now);
    expect(sent).toHaveLength(1);
    expect(noticeBody(origin)).not.toMatch(/Hodan|20998877|so|1/);
  });

  it('does not mail about rows that were there before the first round (an upgrade)', async () => {
    add('2026-11-30T09:00:00Z');
    await sendDueNotices(deps(), new Date('2026-11-30T10:00:00Z'));
    expect(sent).toEqual([]);
  });

  it('logs a failure by its code only, and tries again next round', async () => {
    await sendDueNotices(deps(), new Date('2026-11-30T10:00:00Z'));
    add('2026-11-30T10:00:01Z');
    failing = true;
    await sendDueNotices(deps(), new Date('2026-11-30T10:01:00Z'));
    expect(logged).toEqual([expect.stringContaining('(ECONNREFUSED)')]);
    expect(logged.join()).not.toMatch(/Hodan|20998877/);
    failing = false;
    await sendDueNotices(deps(), new Date('2026-11-30T10:02:00Z'));
    expect(sent.map((m) => m.subject)).toEqual([newRequestSubject]);
  });

  it('reminds once a day when a request has waited more than 2 working days untouched', async () => {
    add('2026-11-26T10:00:00Z'); // Thursday
    await sendDueNotices(deps(), new Date('2026-11-30T10:00:00Z')); // Monday: Friday and Monday have passed
    expect(sent).toEqual([]);
    await sendDueNotices(deps(), new Date('2026-12-01T08:00:00Z')); // Tuesday: 3 working days
    expect(sent.map((m) => [m.subject, m.text])).toEqual([[reminderSubject, `${origin}/inbox/\n`]]);
    await sendDueNotices(deps(), new Date('2026-12-01T15:00:00Z'));
    expect(sent).toHaveLength(1);
    db.prepare(`UPDATE interest SET touched_at = '2026-12-01T16:00:00Z'`).run();
    await sendDueNotices(deps(), new Date('2026-12-02T08:00:00Z'));
    expect(sent).toHaveLength(1);
  });
});
