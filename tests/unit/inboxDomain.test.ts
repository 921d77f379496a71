import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { ageOf, cleanNote, deletionDate, suggestsClosing, workingDaysBetween } from '#src/inbox/requestStatus.ts';
import { messageTemplates, readyMessage } from '#src/inbox/messageTemplates.ts';
import { languageLabel } from '#src/inbox/requestView.ts';
import { requestsXlsx, xlsxColumns } from '#src/inbox/requestsXlsx.ts';
import { inboxSettings, sessionCookie } from '#src/inbox/inboxSettings.ts';
import { langs } from '#src/i18n/locales.ts';

describe('request status rules', () => {
  it('gives the age in hours on the first day, then in days', () => {
    const now = new Date('2026-11-30T12:00:00Z');
    expect(ageOf('2026-11-30T07:00:00Z', now)).toEqual({ unit: 'hours', count: 5 });
    expect(ageOf('2026-11-28T11:00:00Z', now)).toEqual({ unit: 'days', count: 2 });
  });

  it('counts working days in Copenhagen, skipping the weekend', () => {
    // Friday 27 Nov → Tuesday 1 Dec: Monday and Tuesday have passed.
    expect(workingDaysBetween(new Date('2026-11-27T09:00:00Z'), new Date('2026-12-01T09:00:00Z'))).toBe(2);
    expect(workingDaysBetween(new Date('2026-11-27T09:00:00Z'), new Date('2026-12-02T09:00:00Z'))).toBe(3);
    // 23:30 UTC on Sunday is already Monday in Copenhagen.
    expect(workingDaysBetween(new Date('2026-11-27T09:00:00Z'), new Date('2026-11-29T23:30:00Z'))).toBe(1);
  });

  it('dates the automatic deletion from the retention period', () => {
    expect(deletionDate('2026-11-01T10:00:00.000Z', 180).toISOString()).toBe('2027-04-30T10:00:00.000Z');
  });

  it('suggests closing only after 3 attempts on an open, not reached request', () => {
    const base = { status: 'not_reached' as const, closedAt: null };
    expect(suggestsClosing({ ...base, attempts: ['a', 'b'] })).toBe(false);
    expect(suggestsClosing({ ...base, attempts: ['a', 'b', 'c'] })).toBe(true);
    expect(suggestsClosing({ ...base, closedAt: 'x', attempts: ['a', 'b', 'c'] })).toBe(false);
  });

  it('keeps a note of 500 characters and refuses a longer one', () => {
    expect(cleanNote(`  ${'a'.repeat(500)} `)).toEqual({ ok: true, note: 'a'.repeat(500) });
    expect(cleanNote('a'.repeat(501))).toEqual({ ok: false });
    expect(cleanNote('😀'.repeat(500)).ok).toBe(true);
  });
});

describe('ready messages in her language', () => {
  it('exist for every site language, each with her name, the worker and the organisation', () => {
    expect(Object.keys(messageTemplates).sort()).toEqual([...langs].sort());
    for (const lang of langs) {
      for (const slot of ['{{name}}', '{{staff}}', '{{org}}']) expect(messageTemplates[lang].text, `${lang} ${slot}`).toContain(slot);
      expect(messageTemplates[lang].translation).toBe(lang === 'da' ? 'source' : 'machine');
    }
  });

  it('fills in the names, and falls back to Danish for a language without a message', () => {
    const ar = readyMessage('ar', { name: 'فاطمة', staff: 'Maryam', org: 'Åben Dør' });
    expect(ar.lang).toBe('ar');
    expect(ar.text).toContain('فاطمة');
    expect(ar.text).toContain('Maryam');
    expect(ar.text).not.toContain('{{');
    expect(readyMessage('xx', { name: 'A', staff: 'B', org: 'C' }).lang).toBe('da');
  });

  it('isolates Latin names inside a right-to-left message, so "Åben Dør" stays in one piece', () => {
    expect(readyMessage('ur', { name: 'نازیہ', staff: 'Maryam', org: 'Åben Dør' }).text).toContain('\u2068Åben Dør\u2069');
    expect(readyMessage('so', { name: 'Hodan', staff: 'Maryam', org: 'Åben Dør' }).text).not.toContain('\u2068');
  });
});

describe('how the inbox shows her language', () => {
  it('names the language in its own script and in Danish', () => {
    expect(languageLabel('ar', 'da')).toMatchObject({ endonym: 'العربية', name: 'arabisk' });
    expect(languageLabel('so', 'en')).toMatchObject({ endonym: 'Soomaali', name: 'Somali' });
  });
});

describe('session cookie and passkey origin', () => {
  it('derives the WebAuthn RP ID from the site URL, or from PUBLIC_ORIGIN for local use', () => {
    const site = { siteUrl: 'https://aabendoer.example.dk', name: 'Åben Dør', retentionDays: 180 };
    expect(inboxSettings(site, {})).toMatchObject({ rpId: 'aabendoer.example.dk', secure: true, cookieName: '__Host-inbox' });
    expect(inboxSettings(site, { PUBLIC_ORIGIN: 'http://localhost:4381' })).toMatchObject({
      rpId: 'localhost',
      origin: 'http://localhost:4381',
      secure: false,
      cookieName: 'inbox',
    });
  });

  it('is HttpOnly and SameSite=Strict, and Secure with the __Host- prefix over https', () => {
    const site = { siteUrl: 'https://aabendoer.example.dk', name: 'Å', retentionDays: 180 };
    expect(sessionCookie(inboxSettings(site, {}), 'abc')).toBe(
      '__Host-inbox=abc; Path=/; HttpOnly; SameSite=Strict; Secure; Max-Age=28800',
    );
    expect(sessionCookie(inboxSettings(site, { PUBLIC_ORIGIN: 'http://localhost:1' }), null)).toBe(
      'inbox=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0',
    );
  });
});

describe('requestsXlsx()', () => {
  it('writes Danish headings, phone numbers as text, dates as dates and no formulas', async () => {
    const bytes = await requestsXlsx(
      [
        {
          id: 7,
          createdAt: '2026-11-30T08:30:00.000Z',
          firstName: '=HYPERLINK("http://evil.example","Klik")',
          phone: '+4512345678',
          language: 'arabisk (العربية)',
          contactMethod: 'call',
          bestTime: 'Formiddag',
          activities: '@SUM(1+1)',
          interpreter: true,
          status: 'new',
          note: '-2+3',
        },
      ],
      { retentionDays: 180 },
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Henvendelser')!;
    expect(sheet.getRow(1).values).toEqual([undefined, ...xlsxColumns.map((c) => c.header)]);
    const row = sheet.getRow(2);
    expect(row.getCell(3).value).toBe('=HYPERLINK("http://evil.example","Klik")');
    expect(row.getCell(3).type).toBe(ExcelJS.ValueType.String);
    expect(row.getCell(4).value).toBe('+4512345678');
    expect(row.getCell(4).type).toBe(ExcelJS.ValueType.String);
    // 08:30 UTC is 09:30 in Copenhagen in winter: the sheet shows the wall clock.
    expect(row.getCell(2).value).toEqual(new Date('2026-11-30T09:30:00.000Z'));
    expect(row.getCell(2).numFmt).toBe('dd-mm-yyyy hh:mm');
    let formulas = 0;
    sheet.eachRow((r) => r.eachCell((c) => (formulas += c.type === ExcelJS.ValueType.Formula ? 1 : 0)));
    expect(formulas).toBe(0);
  });
});
