/**
 * "Deleted" means gone from the disk: after the inbox deletes a request, or the retention purge
 * does, her name, phone and referrer are in none of interest.sqlite, its -wal and its -shm, byte
 * for byte (secure_delete and the WAL truncation in src/store/). Each case first finds the markers
 * on disk, so the test fails if they were never written where it looks.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openStore, type Store } from '#src/store/openStore.ts';
import { requestIntake, type RequestInput } from '#src/store/requestIntake.ts';
import { requestsStore } from '#src/store/requests.ts';
import { interestRegistrations } from '#src/store/interest.ts';
import { staffStore } from '#src/store/staff.ts';
import { validRequestInput } from '../../helpers/requestInput.ts';

// Values that occur nowhere else, so finding one in the bytes can only mean her row.
const marker = {
  firstName: 'Qirwandelyx',
  phone: '+4529517364',
  referrer: 'zorblatt.pexwin@partner.example.dk',
  organisation: 'Vuxnorfjeld Sundhedspleje',
};
const hers = [marker.firstName, marker.phone, marker.referrer];

const request: RequestInput = {
  ...validRequestInput,
  kind: 'referral',
  firstName: marker.firstName,
  phone: marker.phone,
  referral: {
    referrer: { name: 'Hanne', role: 'Sundhedsplejerske', organisation: marker.organisation, contact: marker.referrer },
    consent: { how: 'oral', feedback: true, date: '2026-11-01' },
    languages: ['ar'],
    languageOther: '',
    note: '',
  },
};

/** Which markers the database file, its WAL and its shared-memory index hold, in their raw bytes. */
function markersOnDisk(store: Store, markers = Object.values(marker)): string[] {
  const bytes = ['', '-wal', '-shm']
    .map((suffix) => store.file + suffix)
    .filter((file) => existsSync(file))
    .map((file) => readFileSync(file));
  return markers.filter((m) => bytes.some((b) => b.includes(Buffer.from(m, 'utf8'))));
}

describe('deleting a request removes her data from the database file and its WAL', () => {
  let dir: string;
  let store: Store;
  let staffId: number;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'erasure-'));
    store = openStore({ dataDir: path.join(dir, 'data') });
    staffId = staffStore(store.db).invite({ name: 'Maryam' }).staffId;
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Stores her request, and an older and a newer one of someone else around it on the same pages. */
  function addHers(at: Date): number {
    const intake = requestIntake(store.db);
    intake.add({ ...validRequestInput, firstName: 'Before' }, at);
    const id = intake.add(request, at);
    intake.add({ ...validRequestInput, firstName: 'After' }, new Date(at.getTime() + 365 * 24 * 60 * 60 * 1000));
    // Staff worked on it: each change rewrites the row, which could leave old copies behind.
    const requests = requestsStore(store.db);
    requests.take(id, staffId);
    requests.setStatus(id, staffId, 'contacted');
    requests.setNote(id, staffId, 'Ringede tirsdag');
    return id;
  }

  it('when staff delete it in the inbox while it is still in the WAL', () => {
    const id = addHers(new Date());
    expect(readFileSync(store.file).includes(Buffer.from(marker.phone))).toBe(false);
    expect(markersOnDisk(store, hers)).toEqual(hers);
    expect(requestsStore(store.db).delete(id, staffId)).toBe(true);
    expect(markersOnDisk(store, hers)).toEqual([]);
    expect(
      requestsStore(store.db)
        .list('all', staffId)
        .map((r) => r.firstName),
    ).toEqual(['Before', 'After']);
  });

  it('when staff delete it after it was checkpointed into the main file', () => {
    const id = addHers(new Date());
    store.checkpoint();
    expect(readFileSync(`${store.file}-wal`)).toHaveLength(0);
    expect(readFileSync(store.file).includes(Buffer.from(marker.phone))).toBe(true);
    requestsStore(store.db).delete(id, staffId);
    expect(markersOnDisk(store, hers)).toEqual([]);
  });

  it('when the retention purge deletes it, and the referrer’s organisation in the monthly counts with it', () => {
    addHers(new Date('2026-01-10T10:00:00Z'));
    store.checkpoint();
    expect(markersOnDisk(store)).toEqual(Object.values(marker));
    const registrations = interestRegistrations(store.db);
    expect(registrations.purge(180, new Date('2026-09-01T10:00:00Z'))).toBe(2);
    expect(markersOnDisk(store)).toEqual([]);
    expect(registrations.all().map((r) => r.firstName)).toEqual(['After']);
  });
});
