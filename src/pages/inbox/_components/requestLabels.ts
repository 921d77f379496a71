/** Labels the inbox borrows from the public form (best time, channel) and the activities collection. */
import { getCollection } from 'astro:content';
import { t as publicT, type UIKey } from '#src/i18n/translate.ts';
import type { StaffLang } from '#src/inbox/staffTranslations.ts';
import type { RequestView } from '#src/inbox/requestView.ts';
import { activityChoices } from '#src/interest/activityChoices.ts';
import { callbackTimeLabel } from '#src/interest/callbackTimes.ts';

/** The props of a part of a request's page: the request and the staff member's language. */
export interface RequestPartProps {
  /** The request, prepared for showing. */
  request: RequestView;
  /** The staff member's language. */
  lang: StaffLang;
}

/** …and the labels for best time, channel and activities, where the part shows them. */
export interface LabelledRequestPartProps extends RequestPartProps {
  labels: RequestLabels;
}

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
