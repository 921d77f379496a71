/**
 * axe-core on a page, for every test that checks accessibility: the same rules everywhere.
 * Legacy mode runs axe inside the page (and its same-origin frames). The default mode opens an
 * extra blank page for every check to merge results across cross-origin frames, which cost
 * 1–3 s per check here, five times axe's own run; our pages have no cross-origin frames.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** WCAG 2.2 A and AA, and axe's best practices. */
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** The violations as "rule: element, element" lines; [] when there are none. */
export async function axeViolations(page: Page, tags: string[] = wcagTags): Promise<string[]> {
  const results = await new AxeBuilder({ page }).setLegacyMode(true).withTags(tags).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
