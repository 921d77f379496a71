/** POST /inbox/export/: "Hent som Excel", every request as an .xlsx file; logged as an export. */
import type { APIRoute } from 'astro';
import { inboxFor } from '#src/inbox/inboxContext.ts';
import { currentStaff, inboxHeaders, isSameOrigin, plain, seeOther } from '#src/inbox/staffAuth.ts';
import { requestsXlsx, xlsxRows } from '#src/inbox/requestsXlsx.ts';
import { writeAudit } from '#src/store/audit.ts';
import { staffTranslations } from '#src/inbox/staffTranslations.ts';
import { requestLabels } from './_components/requestLabels.ts';

export const prerender = false;

export const POST: APIRoute = async ({ request, locals, cookies }) => {
  const inbox = await inboxFor(locals);
  if (!isSameOrigin(inbox, request)) return plain(403, 'Send this from the inbox.');
  const staff = currentStaff(inbox, cookies);
  if (!staff) return plain(401, 'Sign in first.');
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
