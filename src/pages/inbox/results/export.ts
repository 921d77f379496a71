/**
 * POST /inbox/results/export/: one month's results as .xlsx for the municipality's report, 1–4 as
 * "<5", for a coordinator (staff get 403, audited); logged.
 */
import type { APIRoute } from 'astro';
import ExcelJS from 'exceljs';
import { inboxHeaders, openStaffPost, seeOther, tooLarge } from '#src/inbox/staffAuth.ts';
import { parseFormBody, readBodyWithLimit } from '#src/forms/readFormBody.ts';
import { writeAudit } from '#src/store/audit.ts';
import { staffTranslations, type StaffKey } from '#src/inbox/staffTranslations.ts';
import { maskSmall } from '#src/results/resultsReport.ts';
import { monthResults } from '#src/store/results.ts';
import { labelledTables, resultLabels } from '#src/results/resultLabels.ts';
import { monthOf } from '#src/channels/channelCounts.ts';

export const prerender = false;

export const POST: APIRoute = async (context) => {
  const { request } = context;
  const opened = await openStaffPost(context, { permission: 'exportResults' });
  if (opened instanceof Response) return opened;
  const { inbox, staff } = opened;
  const body = await readBodyWithLimit(request);
  if (!body.ok) return tooLarge();
  const fields = await parseFormBody(body.bytes, request.headers.get('content-type') ?? '').catch(() => []);
  const asked = String(fields.find(([name]) => name === 'month')?.[1] ?? '');
  const month = /^\d{4}-\d{2}$/.test(asked) ? asked : monthOf(new Date());
  // The report goes to the municipality in Danish.
  const t = staffTranslations('da');
  const tables = labelledTables(monthResults(inbox.db, month), await resultLabels('da'));

  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(`Resultater ${month}`);
  sheet.columns = [{ width: 48 }, { width: 10 }];
  sheet.addRow([`${t('results.title')} · ${month}`]).font = { bold: true };
  for (const { table, rows } of tables) {
    sheet.addRow([]);
    sheet.addRow([t(`results.table.${table}` as StaffKey)]).font = { bold: true };
    sheet.addRow([t(`results.key.${table}` as StaffKey), t('results.count')]).font = { bold: true };
    // Labels are plain strings (never formulas); numbers 1–4 read "<5".
    for (const r of rows) sheet.addRow([r.label, maskSmall(r.count)]);
  }
  const bytes = await book.xlsx.writeBuffer();
  writeAudit(inbox.db, { staffId: staff.id, action: 'export:results' });
  return new Response(bytes, {
    headers: {
      ...inboxHeaders,
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="resultater-${month}.xlsx"`,
    },
  });
};

export const ALL: APIRoute = () => seeOther('/inbox/results/');
