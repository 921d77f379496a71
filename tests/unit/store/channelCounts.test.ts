import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openStore, type Database } from '#src/store/openStore.ts';
import { requestsStore } from '#src/store/requests.ts';
import { monthOf } from '#src/channels/channelCounts.ts';
import { channelCounts } from '#src/store/channelCounts.ts';
import { requestIntake, type RequestInput } from '#src/store/requestIntake.ts';
import { interestRegistrations } from '#src/store/interest.ts';
import { monthResults, resultMonths } from '#src/store/results.ts';
import { maskSmall } from '#src/results/resultsReport.ts';
import { unknownCode } from '#src/channels/shortLink.ts';
import { validRequestInput } from '../../helpers/requestInput.ts';

const form: RequestInput = { ...validRequestInput, channel: 'sp-greve', heardVia: 'flyer' };
const referral: RequestInput = {
  ...form,
  kind: 'referral',
  language: 'so',
  channel: '',
  heardVia: '',
  referral: {
    referrer: { name: 'Hanne', role: 'Sundhedsplejerske', organisation: 'Greve Kommune, Sundhedsplejen', contact: 'h@greve.dk' },
    consent: { how: 'oral', feedback: true, date: '2026-11-29' },
    languages: ['so'],
    languageOther: '',
    note: '',
  },
};
const nov = new Date('2026-11-20T10:00:00Z');

describe('channel counts and results', () => {
  let dir: string;
  let db: Database;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'counts-'));
    db = openStore({ dataDir: path.join(dir, 'data') }).db;
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('counts short-link visits per code per day, with one bucket for every unknown code', () => {
    const counts = channelCounts(db);
    counts.countVisit('sp-greve', nov);
    counts.countVisit('sp-greve', nov);
    counts.countVisit(unknownCode, nov);
    counts.countVisit('fb', new Date('2026-12-01T10:00:00Z'));
    expect(db.prepare('SELECT * FROM link_visits ORDER BY day, code').all()).toEqual([
      { day: '2026-11-20', code: '_unknown', count: 1 },
      { day: '2026-11-20', code: 'sp-greve', count: 2 },
      { day: '2026-12-01', code: 'fb', count: 1 },
    ]);
    // Nothing that could point at a person: only day, code and count.
    expect(Object.keys(db.prepare('SELECT * FROM link_visits LIMIT 1').get()!)).toEqual(['day', 'code', 'count']);
  });

  it('dates a count by Copenhagen time (a request on New Year’s night belongs to January)', () => {
    expect(monthOf(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01');
  });

  it('stores a request with its channel and answer, and its monthly count survives deleting it', () => {
    const intake = requestIntake(db);
    const requests = requestsStore(db);
    const id = intake.add(form, nov);
    expect(db.prepare('SELECT kind, channel, heard_via FROM interest WHERE id = ?').get(id)).toEqual({
      kind: 'interest',
      channel: 'sp-greve',
      heard_via: 'flyer',
    });
    expect(requests.delete(id, 1)).toBe(true);
    expect(db.prepare('SELECT count(*) AS n FROM interest').get()).toEqual({ n: 0 });
    const results = monthResults(db, '2026-11');
    expect(results.channels).toEqual([{ key: 'sp-greve', count: 1 }]);
    expect(results.answers).toEqual([{ key: 'flyer', count: 1 }]);
    expect(results.languages).toEqual([{ key: 'ar', count: 1 }]);
  });

  it('keeps a referral’s referrer with the request and counts it per partner organisation', () => {
    const id = requestIntake(db).add(referral, nov);
    const row = db.prepare('SELECT kind, referral FROM interest WHERE id = ?').get(id) as { kind: string; referral: string };
    expect(row.kind).toBe('referral');
    expect(JSON.parse(row.referral).referrer.name).toBe('Hanne');
    expect(monthResults(db, '2026-11').organisations).toEqual([{ key: 'Greve Kommune, Sundhedsplejen', count: 1 }]);
    // The monthly tables name no person: no first name, no phone.
    const all = JSON.stringify(
      ['monthly_counts', 'monthly_referrals', 'monthly_funnel'].map((t) => db.prepare(`SELECT * FROM ${t}`).all()),
    );
    expect(all).not.toContain('Amal');
    expect(all).not.toContain('12345678');
    expect(all).not.toContain('Hanne');
  });

  it('forgets the partner organisations of a month once the retention purge has deleted every request of it', () => {
    const intake = requestIntake(db);
    intake.add(referral, new Date('2026-10-31T12:00:00Z'));
    intake.add(referral, nov);
    const registrations = interestRegistrations(db);
    // 180 days before 2027-05-10 is 11 November: October's requests are all gone, November's are not.
    expect(registrations.purge(180, new Date('2027-05-10T10:00:00Z'))).toBe(1);
    expect(monthResults(db, '2026-10').organisations).toEqual([]);
    expect(monthResults(db, '2026-11').organisations).toEqual([{ key: 'Greve Kommune, Sundhedsplejen', count: 1 }]);
    // The referral itself stays counted, without the partner's name.
    expect(monthResults(db, '2026-10').languages).toEqual([{ key: 'so', count: 1 }]);
    expect(db.prepare("SELECT sum(count) AS n FROM monthly_counts WHERE kind = 'referral'").get()).toEqual({ n: 2 });
    // A month goes as a whole: November's name stays until its last request is purged.
    registrations.purge(180, new Date('2027-05-30T10:00:00Z'));
    expect(monthResults(db, '2026-11').organisations).toEqual([]);
  });

  it('counts the funnel once per stage, a later stage counting the ones before it', () => {
    const intake = requestIntake(db);
    const requests = requestsStore(db);
    const a = intake.add(form, nov);
    const b = intake.add(form, nov);
    intake.add(form, nov);
    requests.setStatus(a, 1, 'contacted');
    requests.setStatus(a, 1, 'contacted');
    requests.setStatus(a, 1, 'started');
    requests.setStatus(b, 1, 'came');
    requests.setStatus(b, 1, 'contacted');
    expect(monthResults(db, '2026-11').funnel).toEqual([
      { key: 'new', count: 3 },
      { key: 'contacted', count: 2 },
      { key: 'came', count: 2 },
      { key: 'started', count: 1 },
    ]);
  });

  it('lists the months with any count, newest first', () => {
    requestIntake(db).add(form, nov);
    channelCounts(db).countVisit('fb', new Date('2027-01-05T10:00:00Z'));
    expect(resultMonths(db)).toEqual(['2027-01', '2026-11']);
  });

  it('shows 1 to 4 as "<5" in the export, so nobody in a small group can be recognised', () => {
    expect([0, 1, 4, 5, 12].map(maskSmall)).toEqual([0, '<5', '<5', 5, 12]);
  });
});
