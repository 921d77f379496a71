/**
 * The pictures for the programme's offers (24×24 stroke paths, drawn for this site).
 * Content files name one in `icon:`; the schema only accepts these names.
 */
export const activityIcons = {
  /** Courses: an open book. */
  book: 'M2 5.5c3.3-1.6 6.7-1.6 10 .8 3.3-2.4 6.7-2.4 10-.8v13c-3.3-1.6-6.7-1.6-10 .8-3.3-2.4-6.7-2.4-10-.8ZM12 6.3v13',
  /** Guidance: two speech bubbles. */
  chat: 'M4 4h10a2 2 0 0 1 2 2v6a2 2 0 0 1-2 2H9l-4 3.5V14H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2ZM19 8h1a2 2 0 0 1 2 2v6a2 2 0 0 1-2 2h-1v3l-3.5-3H12a2 2 0 0 1-2-1.5',
  /** Mentor: a heart held between two people. */
  hands:
    'M12 19s-6.5-3.7-6.5-8.2A3.6 3.6 0 0 1 12 8.7a3.6 3.6 0 0 1 6.5 2.1C18.5 15.3 12 19 12 19ZM2 21c0-2 1-3.5 3-4M22 21c0-2-1-3.5-3-4M5 6.5a2 2 0 1 0 0-4 2 2 0 0 0 0 4ZM19 6.5a2 2 0 1 0 0-4 2 2 0 0 0 0 4Z',
  /** Network and health: a group of women. */
  people:
    'M12 3.5a3 3 0 1 0 0 6 3 3 0 0 0 0-6ZM5 7a2.2 2.2 0 1 0 0 4.4A2.2 2.2 0 0 0 5 7ZM19 7a2.2 2.2 0 1 0 0 4.4A2.2 2.2 0 0 0 19 7ZM6.5 20.5v-3a5.5 5.5 0 0 1 11 0v3M1.5 19v-1.5A3.5 3.5 0 0 1 5 14M22.5 19v-1.5A3.5 3.5 0 0 0 19 14',
  /** Bridge to work: a briefcase. */
  briefcase: 'M3 8h18v12H3ZM9 8V5.5A1.5 1.5 0 0 1 10.5 4h3A1.5 1.5 0 0 1 15 5.5V8M3 13h18M11 13v2h2v-2',
} as const;

export type ActivityIconName = keyof typeof activityIcons;
export const activityIconNames = Object.keys(activityIcons) as [ActivityIconName, ...ActivityIconName[]];
