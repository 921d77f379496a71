/**
 * "Hent som Excel": the requests as an .xlsx file (exceljs) that opens right in Danish Excel and
 * LibreOffice: Danish headings, phone numbers as text cells, dates as real dates, and every value
 * written as a plain string cell, never as a formula (a name starting with "=" stays text).
 */
import ExcelJS from 'exceljs';
import { deletionDate, type RequestStatus } from './requestStatus.ts';
import type { InboxRequest } from '#src/store/requests.ts';
import { languageLabel } from './requestView.ts';

export interface XlsxRow {
  id: number;
  createdAt: string;
  firstName: string;
  phone: string;
  /** Her language, already in Danish words ("arabisk (العربية)"). */
  language: string;
  contactMethod: string;
  bestTime: string;
  activities: string;
  interpreter: boolean;
  status?: RequestStatus | string;
  assignedName?: string | null;
  note?: string;
}

/** Column headings in Danish (staff read the file), with widths in characters. */
export const xlsxColumns = [
  { key: 'id', header: 'Nr.', width: 6 },
  { key: 'createdAt', header: 'Modtaget', width: 17 },
  { key: 'firstName', header: 'Fornavn', width: 18 },
  { key: 'phone', header: 'Telefon', width: 16 },
  { key: 'language', header: 'Sprog', width: 20 },
  { key: 'contactMethod', header: 'Kontakt via', width: 12 },
  { key: 'bestTime', header: 'Bedste tidspunkt', width: 22 },
  { key: 'activities', header: 'Interesseret i', width: 40 },
  { key: 'interpreter', header: 'Tolk', width: 6 },
  { key: 'status', header: 'Status', width: 16 },
  { key: 'assignedName', header: 'Taget af', width: 16 },
  { key: 'note', header: 'Note', width: 40 },
  { key: 'deletedOn', header: 'Slettes automatisk', width: 17 },
] as const;

/**
 * Excel dates have no time zone, and exceljs writes a Date's UTC fields: give it a Date whose UTC
 * fields are the Copenhagen wall clock, so 09:30 in Greve reads 09:30 in the sheet.
 */
export function copenhagenWallClock(date: Date): Date {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Copenhagen',
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(date)
      .map((p) => [p.type, Number(p.value)]),
  ) as Record<string, number>;
  return new Date(Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!));
}

/** A workbook with one sheet, "Henvendelser", as the bytes of an .xlsx file. */
export async function requestsXlsx(rows: readonly XlsxRow[], options: { retentionDays: number }) {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Åben Dør';
  const sheet = workbook.addWorksheet('Henvendelser', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = xlsxColumns.map((c) => ({ key: c.key, header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    const added = sheet.addRow({
      id: row.id,
      createdAt: copenhagenWallClock(new Date(row.createdAt)),
      firstName: row.firstName,
      phone: row.phone,
      language: row.language,
      contactMethod: row.contactMethod,
      bestTime: row.bestTime,
      activities: row.activities,
      interpreter: row.interpreter ? 'ja' : 'nej',
      status: row.status ?? '',
      assignedName: row.assignedName ?? '',
      note: row.note ?? '',
      deletedOn: copenhagenWallClock(deletionDate(row.createdAt, options.retentionDays)),
    });
    // Text cells are stored as strings, never parsed: "=…" or "+45…" stays exactly what she typed.
    for (const key of ['firstName', 'phone', 'language', 'contactMethod', 'bestTime', 'activities', 'status', 'assignedName', 'note']) {
      const cell = added.getCell(key);
      cell.value = String(cell.value ?? '');
      cell.numFmt = '@';
    }
    added.getCell('createdAt').numFmt = 'dd-mm-yyyy hh:mm';
    added.getCell('deletedOn').numFmt = 'dd-mm-yyyy';
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Words for the codes a request stores; without them (the command line) the codes are written. */
export interface XlsxLabels {
  bestTime?: (value: string) => string;
  activities?: (slugs: readonly string[]) => string[];
  status?: (status: string) => string;
}

/** The export's rows from the inbox's requests: language as "arabisk (العربية)", labels where given. */
export function xlsxRows(requests: readonly InboxRequest[], labels: XlsxLabels = {}): XlsxRow[] {
  return requests.map((r) => {
    const language = languageLabel(r.language, 'da');
    return {
      ...r,
      language: `${language.name} (${language.endonym})`,
      bestTime: labels.bestTime?.(r.bestTime) ?? r.bestTime,
      activities: (labels.activities?.(r.activities) ?? r.activities).join(', '),
      status: labels.status?.(r.status) ?? r.status,
    };
  });
}
