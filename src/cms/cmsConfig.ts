/**
 * The Sveltia CMS configuration, derived from the same sources as the site: the locales registry
 * (src/i18n/locales.ts), the content schemas and site.config.ts. There is no second list of
 * languages, activities or venues: venues are read from content/venues/ by the relation field,
 * pages/activities/stories from their folders. Served as /admin/config.json.
 */
import { defaultLang, langs } from '#src/i18n/locales.ts';
import { meetingSchema } from '#src/meetings/meetingSchema.ts';
import { siteTimeZone } from '#src/i18n/siteTimeZone.ts';
import { venueSchema } from '#src/meetings/venueSchema.ts';
import { staffSchema } from '#src/staff/staffSchema.ts';
import { datedException, sessionSchema } from '#src/calendar/sessionSchema.ts';
import { eventSchema } from '#src/calendar/eventSchema.ts';
import { ActivitySchema, PageSchema, StorySchema, TranslationSchema } from '#src/content.config.ts';
import { channelSchema } from '#src/channels/channelSchema.ts';
import { z } from 'astro/zod';
import { perLanguage, schemaFields, type CmsField } from './schemaFields.ts';
import { cmsBackend, type CmsSettings } from './cmsBackend.ts';
import { clipField, clipsField } from './voiceClipFields.ts';

const translatedLangs = langs.filter((l) => l !== defaultLang);

/** Dates and times are entered and stored in Copenhagen time, whatever the staff laptop's clock zone. */
const meetingTimeField = (label: string) => ({
  label,
  widget: 'datetime',
  input_timezone: siteTimeZone,
  hint: 'Dansk tid. Vinter- og sommertid regnes ud af sig selv.',
});

const flag = (label: string) => ({ label, widget: 'boolean' });

/** Meetings, sessions and events pick their venue from content/venues/, never a typed address. */
const venueRelation = {
  label: 'Sted',
  widget: 'relation',
  collection: 'venues',
  value_field: '{{slug}}',
  search_fields: ['name'],
  display_fields: ['name'],
  hint: 'Mangler stedet? Opret det først under »Mødesteder«.',
};

const meetingFields = schemaFields(meetingSchema({ venueIds: new Set() }), {
  start: meetingTimeField('Starter'),
  end: meetingTimeField('Slutter'),
  venue: venueRelation,
  interpreters: {
    label: 'Tolk på sprog',
    widget: 'list',
    required: false,
    hint: 'Én sprogkode i hvert felt, fx ar, so, ur, tr, fa, ti (fa-AF = dari). Tom = ingen tolk.',
  },
  childcare: flag('Børnepasning'),
  womenOnly: flag('Kun for kvinder'),
  free: flag('Gratis'),
  bringFriend: flag('Tag en veninde med'),
  title: perLanguage('Titel (valgfri)', { hint: 'Kun hvis mødet har et særligt emne.' }),
  notes: perLanguage('Bemærkninger (valgfri)', { multiline: true, hint: 'Fx hvad man skal have med, eller hvilken indgang.' }),
  cancelled: flag('Aflyst'),
  clips: clipsField,
});

/** Sessions and events: plain date and clock-time fields in Copenhagen time; no one types RRULE. */
const dateField = (label: string, hint?: string) => ({
  label,
  widget: 'datetime',
  time_format: false,
  date_format: 'YYYY-MM-DD',
  format: 'YYYY-MM-DD',
  ...(hint ? { hint } : {}),
});
const clockField = (label: string) => ({
  label,
  widget: 'string',
  pattern: ['^([01]\\d|2[0-3]):[0-5]\\d$', 'Klokkeslæt med to cifre, fx 09:30 eller 17:00'],
  hint: 'Dansk tid, fx 10:00. Vinter- og sommertid regnes ud af sig selv.',
});
const activityRelation = (required: boolean) => ({
  label: required ? 'Tilbud' : 'Tilbud (valgfrit)',
  widget: 'relation',
  collection: 'activities',
  value_field: '{{slug}}',
  search_fields: ['title'],
  display_fields: ['title'],
  hint: 'Hvilket af tilbuddene det hører til. Tilbuddets side viser så tiderne.',
});
const practicalSpecs = {
  interpreters: {
    label: 'Sproghjælp på sprog',
    widget: 'list',
    required: false,
    hint: 'Én sprogkode i hvert felt, fx ar, so, ur. Tom = ingen sproghjælp.',
  },
  childcare: flag('Børnepasning'),
  womenOnly: flag('Kun for kvinder'),
  free: flag('Gratis'),
  bringFriend: flag('Tag en veninde med'),
  notes: perLanguage('Bemærkninger (valgfri)', { multiline: true, hint: 'Fx hvad man skal have med.' }),
};
const datedList = (label: string, hint: string) => ({
  label,
  widget: 'list',
  required: false,
  hint,
  fields: schemaFields(datedException, {
    date: dateField('Dato'),
    reason: perLanguage('Hvorfor (valgfrit)'),
  }),
});
const weekdayLabels = {
  monday: 'mandag',
  tuesday: 'tirsdag',
  wednesday: 'onsdag',
  thursday: 'torsdag',
  friday: 'fredag',
  saturday: 'lørdag',
  sunday: 'søndag',
};

const calendarIds = { venueIds: new Set<string>(), activityIds: new Set<string>() };

const sessionFields = schemaFields(sessionSchema(calendarIds), {
  activity: activityRelation(true),
  title: perLanguage('Navn', { hint: 'Fx Kvindegruppe, Madklub.' }),
  venue: venueRelation,
  start: clockField('Starter kl.'),
  end: clockField('Slutter kl.'),
  weekdays: {
    label: 'Ugedag(e)',
    widget: 'select',
    multiple: true,
    min: 1,
    options: Object.entries(weekdayLabels).map(([value, label]) => ({ label, value })),
  },
  everyWeeks: { label: 'Hver … uge', widget: 'number', value_type: 'int', min: 1, max: 8, hint: '1 = hver uge, 2 = hver anden uge.' },
  from: dateField('Fra og med', 'Den første dag, det kan finde sted.'),
  until: dateField('Til og med (valgfri)', 'Den sidste dag. Tom = det fortsætter.'),
  skip: datedList('Springes over (ferie, helligdage)', 'Dage uden aktivitet. Datoen skal være en af ugedagene.'),
  cancelledDates: datedList('Aflyst på enkelte dage', 'Dagen vises som »Aflyst«. Datoen skal være en af ugedagene.'),
  cancelled: flag('Hele rækken er aflyst'),
  ...practicalSpecs,
});

const eventFields = schemaFields(eventSchema(calendarIds), {
  title: perLanguage('Navn', { hint: 'Fx Eid-fest, Åben aften.' }),
  activity: { ...activityRelation(false), required: false },
  venue: venueRelation,
  date: dateField('Dato'),
  start: clockField('Starter kl.'),
  end: clockField('Slutter kl.'),
  families: flag('Hele familien er velkommen'),
  cancelled: flag('Aflyst'),
  ...practicalSpecs,
});

const venueFields = schemaFields(venueSchema, {
  name: { label: 'Navn (som på døren)', widget: 'string' },
  address: {
    label: 'Adresse',
    widget: 'object',
    collapsed: false,
    fields: schemaFields(venueSchema.shape.address, {
      street: { label: 'Gade og nummer', widget: 'string' },
      postalCode: { label: 'Postnummer', widget: 'string', pattern: ['^\\d{4}$', 'Fire cifre, fx 2670'] },
      city: { label: 'By', widget: 'string' },
    }),
  },
  coordinates: {
    label: 'Koordinater (til kortlinket)',
    widget: 'object',
    collapsed: false,
    hint: 'Højreklik på indgangen i OpenStreetMap, vælg »Vis adresse«, og kopier de to tal.',
    fields: schemaFields(venueSchema.shape.coordinates, {
      lat: { label: 'Breddegrad (fx 55.5905)', widget: 'number', value_type: 'float', min: -90, max: 90 },
      lon: { label: 'Længdegrad (fx 12.2961)', widget: 'number', value_type: 'float', min: -180, max: 180 },
    }),
  },
  directions: perLanguage('Sådan finder du døren', { multiline: true }),
  accessibility: perLanguage('Tilgængelighed (valgfri)', { multiline: true }),
  clips: { ...clipsField, label: 'Lydklip: sådan finder du os (valgfrit, ét pr. sprog)' },
});

const staffFields = schemaFields(staffSchema(z.string()), {
  name: { label: 'Navn', widget: 'string', hint: 'Som hun selv skriver det med latinske bogstaver.' },
  order: { label: 'Rækkefølge på siden', widget: 'number', value_type: 'int', min: 1 },
  photo: {
    label: 'Foto',
    widget: 'image',
    // Stored beside the YAML (content/staff/), as the content collection expects: photo: ./nadia.webp
    media_folder: '',
    public_folder: './',
    hint: 'jpg, png eller webp, gerne mindst 480 × 480 px. Husk billedteksten nedenfor.',
  },
  phone: { label: 'Telefon', widget: 'string', hint: 'Med landekode og uden mellemrum: +4512345678' },
  whatsapp: { label: 'WhatsApp (valgfri)', widget: 'string', hint: 'Kun hvis hun bruger WhatsApp i arbejdet: +4512345678' },
  languages: { label: 'Sprog hun taler', widget: 'list', hint: 'Én sprogkode i hvert felt, fx da, ar, so, ku.' },
  example: {
    label: 'Eksempel (demo)',
    widget: 'boolean',
    hint: 'Kun for demo-personer: siden skriver så, at navn og billede er eksempler.',
  },
  translationStatus: {
    label: 'Oversættelse af tekster (ikke dansk)',
    widget: 'select',
    options: [
      { label: 'Maskine: ikke tjekket af et menneske', value: 'machine' },
      { label: 'Tjekket af en, der læser sproget', value: 'reviewed' },
    ],
  },
  role: perLanguage('Stilling'),
  bio: perLanguage('Om mig (en-to sætninger i hendes egen stemme)', { multiline: true }),
  alt: perLanguage('Billedtekst: hvad viser fotoet?', { hint: 'Kræves på dansk og på hvert sprog, hvor stillingen står.' }),
  clips: { ...clipsField, label: 'Lydklip: hun hilser (valgfrit, ét pr. sprog)' },
});

/**
 * How a translated file was made: required in every language but Danish (the source has none,
 * and an unset Danish one is left out of the file).
 */
const translationField = {
  label: 'Oversættelse (kun andre sprog end dansk)',
  widget: 'object',
  i18n: true,
  required: translatedLangs,
  collapsed: false,
  hint: 'machine = lavet uden en menneskelig oversætter; reviewed = tjekket af en, der læser sproget.',
  fields: schemaFields(TranslationSchema, {
    status: { label: 'Status', widget: 'select', i18n: true },
    source: { label: 'Dansk kilde (12 tegn, npm run translations)', widget: 'string', i18n: true },
  }),
};

/** The MDX body under the front matter: written per language. */
const bodyField = { name: 'body', label: 'Tekst', widget: 'markdown', i18n: true, required: true };

/** A folder of MDX files per language (content/<name>/<lang>/<slug>.mdx), translated side by side. */
function translatedCollection(name: string, label: string, labelSingular: string, fields: CmsField[]) {
  return {
    name,
    label,
    label_singular: labelSingular,
    folder: `content/${name}`,
    extension: 'mdx',
    format: 'frontmatter',
    create: true,
    i18n: true,
    identifier_field: 'title',
    slug: '{{title}}',
    fields: [...fields, bodyField],
  };
}

const pageFields = schemaFields(PageSchema, {
  title: { label: 'Titel', widget: 'string', i18n: true },
  description: { label: 'Beskrivelse (én enkel sætning til søgning og deling)', widget: 'string', i18n: true },
  checked: {
    label: 'Sidst tjekket (valgfri)',
    widget: 'datetime',
    time_format: false,
    required: false,
    i18n: 'duplicate',
    hint: 'Den dag, en person sidst tjekkede reglerne på siden. Vises på siden.',
  },
  translation: translationField,
  clip: clipField,
});

/** Position in lists: the same in every language, so it is typed once and copied. */
const orderField = (hint: string) => ({ label: 'Rækkefølge', widget: 'number', value_type: 'int', min: 1, i18n: 'duplicate', hint });

const activityFields = schemaFields(ActivitySchema, {
  title: { label: 'Titel', widget: 'string', i18n: true },
  translation: translationField,
  summary: { label: 'Kort om tilbuddet (én sætning til kortet og søgning)', widget: 'string', i18n: true },
  icon: { label: 'Billede', widget: 'select', i18n: 'duplicate' },
  order: orderField('1 står først. Det samme på alle sprog.'),
  clip: clipField,
});

const storyFields = schemaFields(StorySchema, {
  title: { label: 'Titel', widget: 'string', i18n: true },
  translation: translationField,
  summary: { label: 'Kort om historien (én sætning)', widget: 'string', i18n: true },
  example: {
    label: 'Eksempel (opdigtet)',
    widget: 'boolean',
    i18n: 'duplicate',
    hint: 'Til: siden skriver, at det er et eksempel, ikke en rigtig kvindes historie.',
  },
  order: orderField('1 står først.'),
});

const channelKindLabels: Record<string, string> = {
  'partner-flyer': 'Flyer fra en samarbejdspartner',
  poster: 'Plakat',
  'information-meeting': 'Informationsmøde',
  'social-media': 'Sociale medier',
  newsletter: 'Nyhedsbrev',
  other: 'Andet',
};

const channelFields = schemaFields(channelSchema, {
  code: {
    label: 'Kode i det korte link (/r/kode)',
    widget: 'string',
    hint: '2–12 tegn: a–z, 0–9 og -. Kort nok til at skrive af fra en afrivningsseddel. Skift den aldrig, når den er trykt.',
  },
  label: { label: 'Navn (det, medarbejdere og partnere ser)', widget: 'string' },
  kind: {
    label: 'Slags',
    widget: 'select',
    options: Object.entries(channelKindLabels).map(([value, label]) => ({ value, label })),
  },
  organisation: { label: 'Samarbejdspartner (valgfri)', widget: 'string', hint: 'Fx »Greve Kommune, Sundhedsplejen«.' },
  lang: {
    label: 'Sprog, som det korte link åbner på (valgfri)',
    widget: 'select',
    options: langs,
    hint: 'Tom = sprogvalget. QR-koderne på en flyer åbner altid på flyerens egne sprog.',
  },
});

/** The whole CMS configuration. */
export function cmsConfig(settings: CmsSettings): Record<string, unknown> {
  return {
    load_config_file: false,
    backend: cmsBackend(settings),
    // Site-wide uploads (none yet); staff photos go beside their YAML (see the staff collection).
    media_folder: 'public/media',
    // File names (= web addresses) in plain ASCII: "Cykelhold om foråret" → cykelhold-om-foraaret.
    slug: { encoding: 'ascii', clean_accents: true },
    public_folder: '/media',
    i18n: {
      structure: 'multiple_folders',
      locales: langs,
      default_locale: defaultLang,
      // A new page starts in Danish only: empty translation files would break the build.
      initial_locales: 'default',
    },
    output: {
      // Unset optional fields stay out of the file: no `title: ''`, no `notes: null`.
      omit_empty_optional_fields: true,
      yaml: { quote: 'double' },
    },
    collections: [
      {
        name: 'meetings',
        label: 'Informationsmøder',
        label_singular: 'Informationsmøde',
        folder: 'content/meetings',
        extension: 'yaml',
        format: 'yaml',
        create: true,
        delete: true,
        identifier_field: 'start',
        slug: "{{start | date('YYYY-MM-DD')}}-{{venue}}",
        summary: "{{start | date('YYYY-MM-DD HH:mm')}} · {{venue}}",
        sortable_fields: ['start', 'venue'],
        fields: meetingFields,
      },
      {
        name: 'sessions',
        label: 'Faste aktiviteter',
        label_singular: 'Fast aktivitet',
        folder: 'content/sessions',
        extension: 'yaml',
        format: 'yaml',
        create: true,
        delete: true,
        identifier_field: 'title.da',
        slug: '{{title.da}}',
        summary: '{{title.da}} · {{weekdays}} {{start}}–{{end}}',
        fields: sessionFields,
      },
      {
        name: 'events',
        label: 'Arrangementer',
        label_singular: 'Arrangement',
        folder: 'content/events',
        extension: 'yaml',
        format: 'yaml',
        create: true,
        delete: true,
        identifier_field: 'title.da',
        slug: "{{date | date('YYYY-MM-DD')}}-{{title.da}}",
        summary: '{{date}} · {{title.da}}',
        sortable_fields: ['date'],
        fields: eventFields,
      },
      {
        name: 'venues',
        label: 'Mødesteder',
        label_singular: 'Mødested',
        folder: 'content/venues',
        extension: 'yaml',
        format: 'yaml',
        create: true,
        identifier_field: 'name',
        slug: '{{name}}',
        fields: venueFields,
      },
      {
        name: 'staff',
        label: 'Medarbejdere',
        label_singular: 'Medarbejder',
        folder: 'content/staff',
        extension: 'yaml',
        format: 'yaml',
        create: true,
        identifier_field: 'name',
        slug: '{{name}}',
        media_folder: '',
        public_folder: './',
        sortable_fields: ['order', 'name'],
        fields: staffFields,
      },
      {
        name: 'channels',
        label: 'Kanaler',
        files: [
          {
            name: 'channels',
            label: 'Kanaler og korte links',
            file: 'content/channels.yaml',
            format: 'yaml',
            fields: [
              {
                name: 'channels',
                label: 'Kanaler',
                label_singular: 'Kanal',
                widget: 'list',
                summary: '{{fields.code}} · {{fields.label}}',
                fields: channelFields,
              },
            ],
          },
        ],
      },
      translatedCollection('pages', 'Sider', 'Side', pageFields),
      translatedCollection('activities', 'Tilbud', 'Tilbud', activityFields),
      translatedCollection('stories', 'Historier', 'Historie', storyFields),
    ] satisfies Record<string, unknown>[],
  };
}

export type { CmsField };
