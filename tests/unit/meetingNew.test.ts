import { describe, expect, it, beforeEach } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildMeeting, copenhagenIso, parseDate } from '../../scripts/meetingNew.ts';
import { meetingSchema } from '#src/meetings/meetingSchema.ts';
import { parseYamlEntry } from '#src/contentLoaders/readYamlDir.ts';

const script = fileURLToPath(new URL('../../scripts/meetingNew.ts', import.meta.url));
const fixtureVenues = fileURLToPath(new URL('../fixtures/content/good/venues', import.meta.url));
const now = new Date('2026-11-25T12:00:00Z');
const good = {
  date: '2027-01-14',
  start: '17:00',
  end: '19:00',
  venue: 'fixture-hall',
  interpreters: 'ar,so',
  childcare: true,
  free: true,
};

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'meeting-new-'));
  cpSync(fixtureVenues, join(root, 'content', 'venues'), { recursive: true });
});

function run(args: string[], clock = now.toISOString()) {
  return spawnSync(process.execPath, [script, '--root', root, ...args], {
    encoding: 'utf8',
    env: { ...process.env, MEETING_NEW_NOW: clock },
    input: '',
  });
}

describe('npm run meeting:new', () => {
  it('writes a file that the build schema accepts, with the winter offset', async () => {
    const { path, text } = await buildMeeting(good, { root, now });
    expect(path).toBe(join(root, 'content', 'meetings', '2027-01-14-fixture-hall.yaml'));
    const parsed = parseYamlEntry('x.yaml', text, meetingSchema({ venueIds: new Set(['fixture-hall']) }));
    expect(parsed.ok && parsed.data).toMatchObject({
      start: '2027-01-14T17:00:00+01:00',
      end: '2027-01-14T19:00:00+01:00',
      interpreters: ['ar', 'so'],
      childcare: true,
      free: true,
      womenOnly: false,
    });
  });

  it('writes the file from flags on the command line', () => {
    const result = run(['--date', '2027-06-10', '--start', '10', '--end', '12.30', '--venue', 'fixture-hall', '--women-only']);
    expect(result.status).toBe(0);
    expect(readdirSync(join(root, 'content', 'meetings'))).toEqual(['2027-06-10-fixture-hall.yaml']);
    const text = readFileSync(join(root, 'content', 'meetings', '2027-06-10-fixture-hall.yaml'), 'utf8');
    expect(text).toContain('start: "2027-06-10T10:00:00+02:00"');
    expect(text).toContain('womenOnly: true');
  });

  it('asks for what is missing', async () => {
    const answers = ['4.3.2027', '17.00', '19', '1', 'ar, fa-AF', 'j', 'y', 'n', 'yes'];
    const { text } = await buildMeeting({}, { root, now, ask: async () => answers.shift()! });
    expect(text).toContain('start: "2027-03-04T17:00:00+01:00"');
    expect(text).toContain('interpreters: [ar, fa-AF]');
    expect(text).toMatch(/childcare: true\nwomenOnly: true\nfree: false\nbringFriend: true/);
  });

  it('refuses a date in the past', () => {
    const result = run(['--date', '2026-11-25', '--start', '10:00', '--end', '11:00', '--venue', 'fixture-hall']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('the meeting would start in the past');
    expect(() => readdirSync(join(root, 'content', 'meetings'))).toThrow();
  });

  it('refuses an end before the start', () => {
    const result = run(['--date', '2027-01-14', '--start', '19:00', '--end', '17:00', '--venue', 'fixture-hall']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('the end (17:00) is not after the start (19:00)');
  });

  it('refuses an unknown venue and names the known ones', () => {
    const result = run(['--date', '2027-01-14', '--start', '17:00', '--end', '19:00', '--venue', 'town-hall']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('unknown venue "town-hall": choose one of fixture-hall');
  });

  it("refuses an unknown interpreter language with the schema's message", async () => {
    await expect(buildMeeting({ ...good, interpreters: 'ar,xx' }, { root, now })).rejects.toThrow(
      /interpreters\.1: unknown language code "xx"/,
    );
  });

  it('refuses a date that does not exist', () => {
    expect(() => parseDate('2027-02-30')).toThrow(/does not exist/);
  });

  it('gives a summer meeting the summer offset', () => {
    expect(copenhagenIso('2027-06-10', '17:00')).toBe('2027-06-10T17:00:00+02:00');
  });
});
