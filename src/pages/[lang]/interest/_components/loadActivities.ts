/** The activities collection (content/activities/<lang>/<slug>.mdx), for the form and its receiver. */
import { getCollection } from 'astro:content';
import type { ActivityEntry } from './activityChoices';

export async function loadActivities(): Promise<ActivityEntry[]> {
  // TODO(content): drop the cast once the activities collection is on main.
  return (await getCollection('activities' as Parameters<typeof getCollection>[0])) as unknown as ActivityEntry[];
}
