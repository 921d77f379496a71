/**
 * Readable labels for the results tables: a channel's label from content/channels.yaml, an
 * answer, a language and a funnel stage in the staff member's language. Shared by the page and
 * the Excel export so both say the same.
 */
import { getCollection } from 'astro:content';
import { staffTranslations, type StaffKey, type StaffLang } from '#src/inbox/staffTranslations.ts';
import { languageLabel } from '#src/inbox/requestView.ts';
import { unknownCode } from '#src/channels/shortLink.ts';
import type { MonthResults, ResultTable } from './resultsReport.ts';

export async function resultLabels(lang: StaffLang): Promise<(table: ResultTable, key: string) => string> {
  const t = staffTranslations(lang);
  const channels = new Map((await getCollection('channels')).map((c) => [c.id, c.data.label]));
  return (table, key) => {
    if (key === '') return t('results.none');
    if (table === 'visits' || table === 'channels') {
      if (key === unknownCode) return t('results.unknown');
      return channels.has(key) ? `${channels.get(key)} (${key})` : key;
    }
    if (table === 'answers') return t(`results.answer.${key}` as StaffKey);
    if (table === 'languages') return `${languageLabel(key, lang).name} (${languageLabel(key, lang).endonym})`;
    if (table === 'funnel') return t(`results.stage.${key}` as StaffKey);
    return key;
  };
}

/** The month's tables as labelled rows. */
export function labelledTables(results: MonthResults, label: (table: ResultTable, key: string) => string) {
  return (['visits', 'channels', 'answers', 'languages', 'funnel', 'organisations'] as const).map((table) => ({
    table,
    rows: results[table].map((r) => ({ label: label(table, r.key), count: r.count })),
  }));
}
