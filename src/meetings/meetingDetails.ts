/**
 * The words of a meeting in one language: its title, its notes (or the Danish ones, marked),
 * and the icon + word for each thing she may wonder about (children, men, cost, language).
 */
import { getLocale, type Lang } from '#src/i18n/locales.ts';
import { languageName, t } from '#src/i18n/translate.ts';
import type { Meeting } from '#src/meetings/meetingSchema.ts';

/** The meeting's own title in her language, else "Information meeting" in her language. */
export function meetingTitle(meeting: Meeting, lang: Lang): string {
  return meeting.title?.[lang] ?? t(lang, 'meetings.defaultTitle');
}

/** "arabisk, somali og urdu" on a Danish page, "العربية والصومالية والأردية" on an Arabic one. */
export function interpreterList(codes: readonly string[], lang: Lang): string {
  let format = listFormats.get(lang);
  if (!format) listFormats.set(lang, (format = new Intl.ListFormat(getLocale(lang).intl, { type: 'conjunction', style: 'long' })));
  return format.format(codes.map((code) => languageName(code, lang)));
}

// Made once per language: every meeting is listed on many pages and in many calendar files.
const listFormats = new Map<Lang, Intl.ListFormat>();

export type FeatureIcon = 'childcare' | 'women' | 'free' | 'interpreter' | 'friend' | 'family';

/** The practicals a meeting, a weekly session and a local event share (events may be open to families). */
export type Practicals = Pick<Meeting, 'childcare' | 'womenOnly' | 'free' | 'bringFriend'> & {
  interpreters: readonly string[];
  families?: boolean;
};

/** The meeting's (session's, event's) offers, each as an icon name and words, in a fixed order. */
export function meetingFeatures(meeting: Practicals, lang: Lang): { icon: FeatureIcon; text: string }[] {
  const features: { icon: FeatureIcon; text: string }[] = [];
  if (meeting.interpreters.length)
    features.push({
      icon: 'interpreter',
      text: t(lang, 'meetings.interpreters', { languages: interpreterList(meeting.interpreters, lang) }),
    });
  if (meeting.childcare) features.push({ icon: 'childcare', text: t(lang, 'meetings.childcare') });
  if (meeting.families) features.push({ icon: 'family', text: t(lang, 'meetings.families') });
  if (meeting.womenOnly) features.push({ icon: 'women', text: t(lang, 'meetings.womenOnly') });
  if (meeting.free) features.push({ icon: 'free', text: t(lang, 'meetings.free') });
  if (meeting.bringFriend) features.push({ icon: 'friend', text: t(lang, 'meetings.bringFriend') });
  return features;
}
