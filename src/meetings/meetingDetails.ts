/**
 * The words of a meeting in one language: its title, its notes (or the Danish ones, marked),
 * and the icon + word for each thing she may wonder about (children, men, cost, language).
 */
import { getLocale, type Lang } from '#src/i18n/locales.ts';
import { languageName, t } from '#src/i18n/translate.ts';
import type { Meeting } from '#src/collections/meetingSchema.ts';

/** The meeting's own title in her language, else "Information meeting" in her language. */
export function meetingTitle(meeting: Meeting, lang: Lang): string {
  return meeting.title?.[lang] ?? t(lang, 'meetings.defaultTitle');
}

/** "arabisk, somali og urdu" on a Danish page, "العربية والصومالية والأردية" on an Arabic one. */
export function interpreterList(codes: readonly string[], lang: Lang): string {
  const names = codes.map((code) => languageName(code, lang));
  return new Intl.ListFormat(getLocale(lang).intl, { type: 'conjunction', style: 'long' }).format(names);
}

export type FeatureIcon = 'childcare' | 'women' | 'free' | 'interpreter' | 'friend';

/** The meeting's offers, each as an icon name and words, in a fixed order. */
export function meetingFeatures(meeting: Meeting, lang: Lang): { icon: FeatureIcon; text: string }[] {
  const features: { icon: FeatureIcon; text: string }[] = [];
  if (meeting.interpreters.length)
    features.push({
      icon: 'interpreter',
      text: t(lang, 'meetings.interpreters', { languages: interpreterList(meeting.interpreters, lang) }),
    });
  if (meeting.childcare) features.push({ icon: 'childcare', text: t(lang, 'meetings.childcare') });
  if (meeting.womenOnly) features.push({ icon: 'women', text: t(lang, 'meetings.womenOnly') });
  if (meeting.free) features.push({ icon: 'free', text: t(lang, 'meetings.free') });
  if (meeting.bringFriend) features.push({ icon: 'friend', text: t(lang, 'meetings.bringFriend') });
  return features;
}
