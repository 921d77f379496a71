import { describe, expect, it } from 'vitest';
import { activityChoices, activitySlugs } from '#src/interest/activityChoices.ts';

// A fixture shaped like the `activities` collection (content/activities/<lang>/<slug>.mdx).
const translation = { status: 'machine', source: '0123456789ab' };
const entries = [
  { id: 'da/mentor', data: { title: 'Mentor', order: 3, icon: 'hands' as const } },
  { id: 'da/courses', data: { title: 'Kurser for kvinder', order: 1, icon: 'book' as const } },
  { id: 'da/guidance', data: { title: 'Vejledning', order: 2, icon: 'chat' as const } },
  { id: 'ar/courses', data: { title: 'دورات للنساء', order: 1, icon: 'book' as const, translation } },
  { id: 'ar/guidance', data: { title: 'إرشاد', order: 2, icon: 'chat' as const, translation } },
];

describe('activityChoices()', () => {
  it('lists every activity with a Danish source, in the activities’ order, with the slug as the value', () => {
    expect(activityChoices(entries, 'da').map((c) => c.slug)).toEqual(['courses', 'guidance', 'mentor']);
  });

  it('labels them in her language, and in Danish (marked as Danish) where there is no translation', () => {
    expect(activityChoices(entries, 'ar')).toEqual([
      { slug: 'courses', title: 'دورات للنساء', titleLang: 'ar', icon: 'book' },
      { slug: 'guidance', title: 'إرشاد', titleLang: 'ar', icon: 'chat' },
      { slug: 'mentor', title: 'Mentor', titleLang: 'da', icon: 'hands' },
    ]);
  });
});

describe('activitySlugs()', () => {
  it('is what the receiver accepts: the Danish slugs', () => {
    expect(activitySlugs(entries)).toEqual(['courses', 'guidance', 'mentor']);
  });
});
