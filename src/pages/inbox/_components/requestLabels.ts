/** Labels the inbox borrows from the public form (best time, channel) and the activities collection. */
import { getCollection } from 'astro:content';
import { t as publicT, type UIKey } from '#src/i18n/translate.ts';
import type { StaffLang } from '#src/inbox/staffTranslations.ts';
import { activityChoices } from '#src/interest/activityChoices.ts';
import { callbackTimeLabel } from '#src/interest/callbackTimes.ts';

export interface RequestLabels {
  bestTime(value: string): string;
  contactMethod(value: string): string;
  activities(slugs: readonly string[]): string[];
}

export async function requestLabels(lang: StaffLang): Promise<RequestLabels> {
  const titles = new Map(activityChoices(await getCollection('activities'), lang).map((c) => [c.slug, c.title]));
  const label = (key: string, fallback: string) => {
    const text = publicT(lang, key as UIKey);
    return text === key ? fallback : text;
  };
  return {
    bestTime: (value) => callbackTimeLabel(lang, value),
    contactMethod: (value) => label(`interest.contact.${value}`, value),
    activities: (slugs) => slugs.map((s) => titles.get(s) ?? s),
  };
}
