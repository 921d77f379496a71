/**
 * POST /inbox/export/: "Hent som Excel", every request as an .xlsx file, for a coordinator (staff
 * get 403, audited); logged as an export.
 */
import type { APIRoute } from 'astro';
import { inboxHeaders, openStaffPost, seeOther } from '#src/inbox/staffAuth.ts';
import { requestsXlsx, xlsxRows } from '#src/inbox/requestsXlsx.ts';
import { writeAudit } from '#src/store/audit.ts';
import { staffTranslations } from '#src/inbox/staffTranslations.ts';
import { requestLabels } from './_components/requestLabels.ts';

export const prerender = false;

export const POST: APIRoute = async (context) => {
  const opened = await openStaffPost(context, { permission: 'export' });
  if (opened instanceof Response) return opened;
  const { inbox, staff } = opened;
  const labels = await requestLabels('da');
  const t = staffTranslations('da');
  const rows = xlsxRows(inbox.requests.list('all', staff.id), {
    bestTime: labels.bestTime,
    activities: labels.activities,
    status: (s) => t(`status.${s}` as 'status.new'),
  });
  const bytes = await requestsXlsx(rows, { retentionDays: inbox.settings.retentionDays });
  writeAudit(inbox.db, { staffId: staff.id, action: 'export' });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(bytes, {
    headers: {
      ...inboxHeaders,
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="henvendelser-${day}.xlsx"`,
    },
  });
};

export const ALL: APIRoute = () => seeOther('/inbox/');
