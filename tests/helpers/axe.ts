/**
 * axe-core on a page, for every test that checks accessibility: the same rules everywhere.
 * axe is put into the page and run there, and only the violations come back, as text. Through
 * @axe-core/playwright the same check took 1.5–3 s a page on the 2-core build machine, because
 * it sends every passing check's elements back over the DevTools connection (and, by default,
 * opens a blank page to merge frames); run like this it takes a few hundred milliseconds.
 * Our pages have no frames.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.2 A and AA, and axe's best practices. */
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** The violations as "rule: element, element" lines; [] when there are none. */
export async function axeViolations(page: Page, tags: string[] = wcagTags): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async (values) => {
    const { axe } = window as unknown as { axe: typeof import('axe-core') };
    const results = await axe.run(document, { runOnly: { type: 'tag', values }, resultTypes: ['violations'] });
    return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, tags);
}
