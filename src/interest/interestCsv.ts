/**
 * CSV export of interest registrations for staff, made for Excel:
 * UTF-8 with BOM (so Arabic and Urdu names show right), CRLF, every cell quoted,
 * phone numbers kept as text, and any cell that a spreadsheet would run as a formula made inert.
 */
import type { InterestRow } from '#src/store/interest.ts';

/** The UTF-8 byte order mark: Excel reads the file as UTF-8 only when it is there. */
export const utf8Bom = '\uFEFF';

// Spreadsheets treat a cell starting with one of these as a formula (or as a DDE command).
const formulaStart = /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * Makes a cell inert: a leading apostrophe turns a formula-looking value into plain text.
 * Leading spaces are looked through, as some spreadsheets strip them before parsing.
 */
export function neutraliseFormula(value: string): string {
  return formulaStart.test(value.replace(/^ +/, '')) ? `'${value}` : value;
}

/** Quotes one cell for CSV (RFC 4180). */
function quote(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

/**
 * A phone number as a text cell. `="…"` is the one form Excel and LibreOffice both keep as
 * text (no lost "+", no scientific notation); it is safe because the validator stored only
 * "+" and digits, and anything else is refused here.
 */
export function phoneCell(phone: string): string {
  if (!/^\+?[0-9]{1,20}$/.test(phone)) return quote(neutraliseFormula(phone));
  return quote(`="${phone}"`);
}

/** Column headings (Danish: staff read the file). */
export const csvColumns: [keyof InterestRow, string][] = [
  ['id', 'ID'],
  ['createdAt', 'Modtaget (UTC)'],
  ['firstName', 'Fornavn'],
  ['phone', 'Telefon'],
  ['language', 'Sprog'],
  ['contactMethod', 'Kontakt via'],
  ['bestTime', 'Bedste tidspunkt'],
  ['activities', 'Interesseret i'],
  ['interpreter', 'Tolk'],
  ['consentVersion', 'Samtykketekst (version)'],
  ['consentLanguage', 'Samtykke givet på sprog'],
];

/** The whole export as one string, BOM first. */
export function interestCsv(rows: InterestRow[]): string {
  const lines = [csvColumns.map(([, heading]) => quote(heading)).join(',')];
  for (const row of rows) {
    const cells = csvColumns.map(([field]) => {
      if (field === 'phone') return phoneCell(row.phone);
      const value = row[field];
      const text = Array.isArray(value) ? value.join(' ') : typeof value === 'boolean' ? (value ? 'ja' : 'nej') : String(value);
      return quote(neutraliseFormula(text));
    });
    lines.push(cells.join(','));
  }
  return utf8Bom + lines.join('\r\n') + '\r\n';
}
