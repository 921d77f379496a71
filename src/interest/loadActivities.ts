/** The activities collection (content/activities/<lang>/<slug>.mdx), for the form and its receiver. */
import { getCollection } from 'astro:content';
import type { ActivityEntry } from './activityChoices.ts';

export function loadActivities(): Promise<ActivityEntry[]> {
  return getCollection('activities');
}
