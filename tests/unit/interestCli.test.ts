import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { openInterestStore } from '#src/store/interest.ts';

const row = {
  firstName: 'Amal',
  phone: '+4512345678',
  language: 'ar',
  contactMethod: 'call' as const,
  bestTime: 'any',
  activities: ['courses'],
  interpreter: false,
  consentVersion: '0123456789ab',
  consentLanguage: 'ar',
};
const day = 24 * 60 * 60 * 1000;

describe('npm run interest (staff CLI)', () => {
  let dir: string;
  const run = (...args: string[]) =>
    execFileSync(process.execPath, ['--disable-warning=ExperimentalWarning', 'scripts/interest.ts', ...args], {
      env: { ...process.env, DATA_DIR: path.join(dir, 'data') },
      encoding: 'utf8',
    });

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'interest-cli-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('exports a CSV for Excel in which a formula-looking name is inert', () => {
    const store = openInterestStore({ dataDir: path.join(dir, 'data') });
    store.add({ ...row, firstName: '=HYPERLINK("http://evil.example","Klik")' });
    store.add({ ...row, firstName: 'أمل', phone: '+4587654321' });
    store.close();
    const out = path.join(dir, 'export.csv');
    expect(run('export', '--csv', '--out', out)).toContain('2 registrations written to');
    const csv = readFileSync(out, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil.example"",""Klik"")"`);
    expect(lines[1]).toContain('"=""+4512345678"""');
    expect(lines[2]).toContain('"أمل"');
    expect(statSync(out).mode & 0o777).toBe(0o600);
  });

  it('purges exactly the registrations past the retention period (180 days in site.config.ts)', () => {
    const store = openInterestStore({ dataDir: path.join(dir, 'data') });
    const now = Date.now();
    store.add({ ...row, firstName: 'past' }, new Date(now - 180 * day - 60_000));
    store.add({ ...row, firstName: 'long past' }, new Date(now - 400 * day));
    store.add({ ...row, firstName: 'inside' }, new Date(now - 180 * day + 60_000));
    store.add({ ...row, firstName: 'today' }, new Date(now));
    store.close();
    expect(run('purge')).toContain('2 registrations older than 180 days deleted; 2 left.');
    const after = openInterestStore({ dataDir: path.join(dir, 'data') });
    expect(after.all().map((r) => r.firstName)).toEqual(['inside', 'today']);
    after.close();
  });

  it('finds and deletes a woman’s registrations by her phone number, however she wrote it', () => {
    const store = openInterestStore({ dataDir: path.join(dir, 'data') });
    store.add(row);
    store.add({ ...row, phone: '+4587654321' });
    store.close();
    expect(run('find', '--phone', '١٢ ٣٤ ٥٦ ٧٨')).toMatch(/^id 1 · .* · Amal · \+4512345678/);
    expect(run('delete', '--phone', '12 34 56 78')).toContain('1 registration with that number deleted.');
    expect(run('status')).toMatch(/^1 registration in /);
  });

  it('exports an Excel workbook with --xlsx: Danish headings, the phone as text, the name never a formula', async () => {
    const store = openInterestStore({ dataDir: path.join(dir, 'data') });
    store.add({ ...row, firstName: '=HYPERLINK("http://evil.example","Klik")' });
    store.close();
    const out = path.join(dir, 'export.xlsx');
    expect(run('export', '--xlsx', '--out', out)).toContain('1 registration written to');
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Henvendelser')!;
    expect(sheet.getRow(1).getCell(4).value).toBe('Telefon');
    expect(sheet.getRow(2).getCell(3).type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getRow(2).getCell(4).value).toBe('+4512345678');
    expect(sheet.getRow(2).getCell(5).value).toBe('arabisk (العربية)');
  }, 20_000);
});
