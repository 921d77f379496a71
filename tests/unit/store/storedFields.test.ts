/** The privacy page's list of what we keep (src/store/storedFields.ts) against the columns a migrated file really has. */
import { describe, expect, it } from 'vitest';
import { DatabaseSync } from 'node:sqlite';
import { migrate } from '#src/store/migrations.ts';
import { storedFields, storedItems, storedItemsInUse, tablesWithoutHerData } from '#src/store/storedFields.ts';
import { langs } from '#src/i18n/locales.ts';
import { t } from '#src/i18n/translate.ts';

function migratedColumns(): Map<string, string[]> {
  const db = new DatabaseSync(':memory:');
  migrate(db);
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all()
    .map((r) => String(r.name));
  const columns = new Map(
    tables.map((table) => [
      table,
      db
        .prepare(`PRAGMA table_info(${table})`)
        .all()
        .map((c) => String(c.name)),
    ]),
  );
  db.close();
  return columns;
}

describe('storedFields', () => {
  const columns = migratedColumns();

  it('names every table of a freshly migrated file, as holding her data or not', () => {
    const unnamed = [...columns.keys()].filter((table) => !(table in storedFields) && !(table in tablesWithoutHerData));
    expect(unnamed, 'a new table: add it to storedFields (and the privacy page) or to tablesWithoutHerData').toEqual([]);
  });

  it('describes every column of the tables that hold her data, and no column that is gone', () => {
    for (const [table, described] of Object.entries(storedFields)) {
      const real = columns.get(table);
      expect(real, `table ${table}`).toBeDefined();
      const undescribed = real!.filter((c) => !(c in described));
      expect(undescribed, `columns of ${table} the privacy page does not describe`).toEqual([]);
      expect(
        Object.keys(described).filter((c) => !real!.includes(c)),
        `described columns ${table} no longer has`,
      ).toEqual([]);
    }
  });

  it('has a line for every item in every language', () => {
    for (const lang of langs) {
      for (const item of storedItems) {
        const key = `privacy.stored.${item}` as const;
        expect(t(lang, key), `${lang} ${key}`).not.toBe(key);
      }
    }
    expect(storedItemsInUse()).toContain('referral');
  });
});
