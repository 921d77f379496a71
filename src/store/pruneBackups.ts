/**
 * Retention of the nightly backups: keeps the newest `keep` files named like the one just made
 * and deletes the older ones. "Named like" means the same name with other digits in it
 * (`aaben-doer-20270101T023000Z.backup` and `aaben-doer-20270102T023000Z.backup`), so a backup made
 * by hand under another name, and anything else in the folder, is never touched.
 */
import { readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

/** The pattern of names that belong to the same series as `name`: every run of digits may differ. */
export function seriesPattern(name: string): RegExp {
  const parts = name.split(/\d+/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('\\d+')}$`);
}

/**
 * Deletes the backups of `latest`'s series in its folder beyond the newest `keep` (by modification
 * time, then name); `latest` itself is always kept. Returns the deleted files' names.
 */
export function pruneBackups(latest: string, keep: number): string[] {
  if (!Number.isInteger(keep) || keep < 1) throw new RangeError(`--keep must be a whole number of 1 or more, got ${keep}`);
  const dir = path.dirname(path.resolve(latest));
  const own = path.basename(latest);
  // Without digits in the name there is no series: nothing but the file itself matches.
  if (!/\d/.test(own)) return [];
  const pattern = seriesPattern(own);
  const series = readdirSync(dir)
    .filter((name) => pattern.test(name) && name !== own)
    .map((name) => ({ name, mtime: statSync(path.join(dir, name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime || b.name.localeCompare(a.name));
  const deleted = series.slice(keep - 1).map((f) => f.name);
  for (const name of deleted) rmSync(path.join(dir, name), { force: true });
  return deleted;
}
