/**
 * Content collections over the top-level content/ folder. Every field has a one-line doc.
 * Non-Danish files must say how they were translated and from which Danish version.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { fileURLToPath } from 'node:url';
import { meetingSchema } from './meetings/meetingSchema.ts';
import { venueSchema } from './meetings/venueSchema.ts';
import { yamlDirLoader } from './contentLoaders/yamlDirLoader.ts';
import { yamlIds } from './contentLoaders/readYamlDir.ts';
import { staffSchema } from './staff/staffSchema.ts';
import { activityIconNames } from './components/activityIcons.ts';
import { sessionSchema } from './calendar/sessionSchema.ts';
import { eventSchema } from './calendar/eventSchema.ts';
import { activitySlugsIn } from './interest/activityChoices.ts';
import { voiceClip } from './voice/voiceClipSchema.ts';
import { channelSchema } from './channels/channelSchema.ts';
import { channelsLoader } from './channels/channelsLoader.ts';

/** Translation status of a non-Danish file. Danish files are the source and have none. */
export const TranslationSchema = z.object({
  /** `machine`: made without a human translator; `reviewed`: a person who reads the language checked it. */
  status: z.enum(['machine', 'reviewed']),
  /** The Danish source version it was made from: sourceHash() of the Danish file (12 hex digits). */
  source: z.string().regex(/^[0-9a-f]{12}$/, 'must be the 12-hex-digit hash of the Danish source (npm run translations)'),
});
export type Translation = z.infer<typeof TranslationSchema>;

export const PageSchema = z.object({
  /** The page's heading and <title>. */
  title: z.string().min(1),
  /** One plain sentence: the meta description and the search result text. */
  description: z.string().min(1),
  /** The day a person last checked the page's facts (rules change): shown as "Last checked". */
  checked: z.coerce.date().optional(),
  /** Required on every non-Danish file (checked by assertTranslationMeta in src/i18n/localizedEntry.ts). */
  translation: TranslationSchema.optional(),
  /** A voice clip saying what the page says, in this file's language (shown as "Listen" at the top). */
  clip: voiceClip.optional(),
});
export type Page = z.infer<typeof PageSchema>;

const pages = defineCollection({
  loader: glob({ base: './content/pages', pattern: '**/*.{md,mdx}' }),
  schema: PageSchema,
});

/** Venues: content/venues/<id>.yaml (fields documented in src/meetings/venueSchema.ts). */
const venues = defineCollection({
  loader: yamlDirLoader({ base: './content/venues', schema: venueSchema }),
  schema: venueSchema,
});

// Meetings name their venue by file name; an unknown one fails the build on that meeting's file.
const venueIds = new Set(yamlIds(fileURLToPath(new URL('../content/venues/', import.meta.url))));
const MeetingSchema = meetingSchema({ venueIds });

/** Information meetings: content/meetings/<id>.yaml (fields documented in src/meetings/meetingSchema.ts). */
const meetings = defineCollection({
  loader: yamlDirLoader({ base: './content/meetings', schema: MeetingSchema }),
  schema: MeetingSchema,
});

export const ActivitySchema = PageSchema.omit({ description: true, checked: true }).extend({
  /** One plain sentence: shown on the card, in lists and as the meta description. */
  summary: z.string().min(1),
  /** The activity's picture, from src/components/activityIcons.ts (book, chat, hands, people, briefcase). */
  icon: z.enum(activityIconNames),
  /** Position in lists, 1 first. The same in every language. */
  order: z.number().int().min(1),
});
export type Activity = z.infer<typeof ActivitySchema>;

/** The programme's offers. Slugs (file names) are stable: the interest form sends them as values. */
const activities = defineCollection({
  loader: glob({ base: './content/activities', pattern: '**/*.{md,mdx}' }),
  schema: ActivitySchema,
});

export const StorySchema = PageSchema.omit({ description: true, clip: true, checked: true }).extend({
  /** One plain sentence: the teaser in lists and the meta description. */
  summary: z.string().min(1),
  /** True for the demo stories: the page then says it is an example, not a real woman's story. */
  example: z.boolean().default(false),
  /** Position in lists, 1 first. */
  order: z.number().int().min(1).default(99),
});
export type Story = z.infer<typeof StorySchema>;

/** Role-model stories (the peer-to-peer method), told with the woman's consent. */
const stories = defineCollection({
  loader: glob({ base: './content/stories', pattern: '**/*.{md,mdx}' }),
  schema: StorySchema,
});

/** One staff member: content/staff/<id>.yaml with the photo beside it (fields: src/staff/staffSchema.ts). */
const staff = defineCollection({
  loader: glob({ base: './content/staff', pattern: '*.yaml' }),
  schema: ({ image }) => staffSchema(image()),
});

// Sessions and events name their activity by its Danish file name (content/activities/da/<slug>.mdx).
// (Like venueIds: empty where this module is bundled away from content/, e.g. for the CMS config.)
const activityIds = new Set(activitySlugsIn(fileURLToPath(new URL('../content/activities/da/', import.meta.url))));
const SessionSchema = sessionSchema({ venueIds, activityIds });
const EventSchema = eventSchema({ venueIds, activityIds });

/** Weekly sessions of an activity: content/sessions/<id>.yaml (fields documented in src/calendar/sessionSchema.ts). */
const sessions = defineCollection({
  loader: yamlDirLoader({ base: './content/sessions', schema: SessionSchema }),
  schema: SessionSchema,
});

/** One-off local events: content/events/<id>.yaml (fields documented in src/calendar/eventSchema.ts). */
const events = defineCollection({
  loader: yamlDirLoader({ base: './content/events', schema: EventSchema }),
  schema: EventSchema,
});

/** Recruitment channels and their short codes: content/channels.yaml (fields: src/channels/channelSchema.ts). */
const channels = defineCollection({
  loader: channelsLoader({ file: './content/channels.yaml' }),
  schema: channelSchema,
});

export const collections = { pages, venues, meetings, activities, stories, staff, sessions, events, channels };
