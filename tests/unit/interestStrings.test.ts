import { describe, expect, it } from 'vitest';
import { uiStrings } from '#src/i18n/translate.ts';
import { langs } from '#src/i18n/locales.ts';
import { validateInterest } from '#src/interest/validateInterest.ts';

const allowed = { langs, activities: ['courses'] };
const bad: [string, string][][] = [
  [
    ['name', ''],
    ['phone', ''],
    ['lang', 'xx'],
    ['contact', 'fax'],
    ['time', 'night'],
    ['activity', 'x'],
    ['interpreter', 'maybe'],
  ],
  [
    ['name', 'a\u202Eb'],
    ['phone', '12'],
    ['name', 'again'],
  ],
  [
    ['name', 'x'.repeat(61)],
    ['activity', 'courses'],
    ['activity', 'courses'],
  ],
];

describe('interest form messages', () => {
  const keys = new Set([
    ...bad.flatMap((entries) => validateInterest(entries, allowed).errors.map((e) => e.key)),
    // Added by the receiver, not the validator.
    'interest.error.form.expired',
    'interest.error.form.unavailable',
  ]);

  it('every error the receiver can give has a message in every language', () => {
    expect(keys.size).toBeGreaterThanOrEqual(12);
    for (const lang of langs) {
      const missing = [...keys].filter((k) => !(k in uiStrings[lang]));
      expect(missing, lang).toEqual([]);
    }
  });
});
