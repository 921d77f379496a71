/**
 * The Sveltia CMS configuration, derived from the same sources as the site: the locales registry
 * (src/i18n/locales.ts), the content schemas and site.config.ts. There is no second list of
 * languages, activities or venues: venues are read from content/venues/ by the relation field,
 * pages/activities/stories from their folders. Served as /admin/config.json.
 */
import { defaultLang, langs } from '#src/i18n/locales.ts';
import { meetingSchema } from '#src/collections/meetingSchema.ts';
import { siteTimeZone } from '#src/i18n/siteTimeZone.ts';
import { venueSchema } from '#src/collections/venueSchema.ts';
import { staffSchema } from '#src/collections/staffSchema.ts';
import { ActivitySchema, PageSchema, StorySchema, TranslationSchema } from '#src/content.config.ts';
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

const meetingFields = schemaFields(meetingSchema({ venueIds: new Set() }), {
  start: meetingTimeField('Starter'),
  end: meetingTimeField('Slutter'),
  venue: {
    label: 'Sted',
    widget: 'relation',
    collection: 'venues',
    value_field: '{{slug}}',
    search_fields: ['name'],
    display_fields: ['name'],
    hint: 'Mangler stedet? Opret det først under »Mødesteder«.',
  },
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
      translatedCollection('pages', 'Sider', 'Side', pageFields),
      translatedCollection('activities', 'Tilbud', 'Tilbud', activityFields),
      translatedCollection('stories', 'Historier', 'Historie', storyFields),
    ] satisfies Record<string, unknown>[],
  };
}

export type { CmsField };
