import { describe, expect, it } from 'vitest';
import { sessionSchema } from '../../src/calendar/sessionSchema';
import { eventSchema } from '../../src/calendar/eventSchema';
import { weekdayNames } from '../../src/calendar/copenhagenTime';
import { z } from 'astro/zod';
import { cmsConfig } from '#src/cms/cmsConfig.ts';
import { adminRtlCss } from '#src/cms/adminRtlCss.ts';
import { CmsSettingsSchema } from '#src/cms/cmsSettingsSchema.ts';
import { defaultLang, langs, locales } from '#src/i18n/locales.ts';
import { meetingSchema } from '#src/meetings/meetingSchema.ts';
import { venueSchema } from '#src/meetings/venueSchema.ts';
import { staffSchema } from '#src/staff/staffSchema.ts';
import { ActivitySchema, PageSchema, StorySchema } from '#src/content.config.ts';
import { activityIconNames } from '#src/components/activityIcons.ts';
import {
  adminContentSecurityPolicy,
  adminSecurityHeadersFor,
  cmsApiOrigins,
  headersFile,
  isAdminPath,
} from '#src/server/securityHeaders.ts';
import { siteConfig } from '#site.config.ts';

type Field = { name: string; required?: boolean | string[]; fields?: Field[]; default?: unknown; pattern?: [string, string] };
type Collection = { name: string; fields: Field[]; folder: string };

const config = cmsConfig(siteConfig.cms) as {
  collections: Collection[];
  i18n: Record<string, unknown>;
  output: Record<string, unknown>;
  backend: Record<string, string>;
};
const collection = (name: string) => config.collections.find((c) => c.name === name)!;
const names = (fields: Field[]) => fields.map((f) => f.name);

describe('cmsConfig()', () => {
  it('gives each YAML collection exactly the fields of its schema, in order', () => {
    expect(names(collection('meetings').fields)).toEqual(Object.keys(meetingSchema({ venueIds: new Set() }).shape));
    expect(names(collection('venues').fields)).toEqual(Object.keys(venueSchema.shape));
    expect(names(collection('staff').fields)).toEqual(Object.keys(staffSchema(z.string()).shape));
    expect(names(collection('pages').fields)).toEqual([...Object.keys(PageSchema.shape), 'body']);
    expect(names(collection('activities').fields)).toEqual([...Object.keys(ActivitySchema.shape), 'body']);
    expect(names(collection('stories').fields)).toEqual([...Object.keys(StorySchema.shape), 'body']);
  });

  it('edits weekly sessions and local events with the plain fields of their schemas, never RRULE text', () => {
    const ids = { venueIds: new Set<string>(), activityIds: new Set<string>() };
    expect(names(collection('sessions').fields)).toEqual(Object.keys(sessionSchema(ids).shape));
    expect(names(collection('events').fields)).toEqual(Object.keys(eventSchema(ids).shape));
    const session = collection('sessions').fields;
    const weekdays = session.find((f) => f.name === 'weekdays') as Field & { options: { value: string }[]; multiple: boolean };
    expect(weekdays.multiple).toBe(true);
    expect(weekdays.options.map((o) => o.value)).toEqual([...weekdayNames]);
    expect(session.find((f) => f.name === 'until')!.required).toBe(false);
    expect(names(session.find((f) => f.name === 'skip')!.fields!)).toEqual(['date', 'reason']);
    const start = session.find((f) => f.name === 'start')!;
    expect(new RegExp(start.pattern![0]).test('09:30')).toBe(true);
    expect(new RegExp(start.pattern![0]).test('9.30')).toBe(false);
    expect(JSON.stringify(config.collections)).not.toMatch(/RRULE|FREQ=/);
  });

  it('offers the activity icons the schema accepts, no second list', () => {
    const icon = collection('activities').fields.find((f) => f.name === 'icon') as Field & { options: string[] };
    expect(icon.options).toEqual(activityIconNames);
  });

  it('asks for the translation status in every language but Danish', () => {
    const translation = collection('pages').fields.find((f) => f.name === 'translation')!;
    expect(translation.required).toEqual(langs.filter((l) => l !== defaultLang));
    expect((translation.fields!.find((f) => f.name === 'status') as Field & { options: string[] }).options).toEqual([
      'machine',
      'reviewed',
    ]);
  });

  it('makes a field required exactly when the schema does, and takes defaults from it', () => {
    const meeting = collection('meetings').fields;
    expect(meeting.find((f) => f.name === 'start')!.required).toBe(true);
    expect(meeting.find((f) => f.name === 'title')!.required).toBe(false);
    expect(meeting.find((f) => f.name === 'childcare')!.default).toBe(false);
    expect(collection('staff').fields.find((f) => f.name === 'whatsapp')!.required).toBe(false);
  });

  it('reads the phone pattern from the schema', () => {
    const phone = collection('staff').fields.find((f) => f.name === 'phone')!;
    expect(new RegExp(phone.pattern![0]).test('+4522334499')).toBe(true);
    expect(new RegExp(phone.pattern![0]).test('22 33 44 99')).toBe(false);
  });

  it('asks for every text per language from the registry: Danish required, the others optional', () => {
    const directions = collection('venues').fields.find((f) => f.name === 'directions')!;
    expect(names(directions.fields!)).toEqual(langs);
    for (const f of directions.fields!) expect(f.required, f.name).toBe(f.name === defaultLang);
  });

  it('translates pages between the registry languages and starts a new page in Danish only', () => {
    expect(config.i18n).toMatchObject({
      structure: 'multiple_folders',
      locales: langs,
      default_locale: defaultLang,
      initial_locales: 'default',
    });
  });

  it('leaves unset optional fields out of the files', () => {
    expect(config.output).toMatchObject({ omit_empty_optional_fields: true });
  });

  it('reads venues from their folder, so there is no second list of them', () => {
    const venue = collection('meetings').fields.find((f) => f.name === 'venue')! as Field & { widget: string; collection: string };
    expect(venue).toMatchObject({ widget: 'relation', collection: 'venues' });
    expect(collection('venues').folder).toBe('content/venues');
  });
});

describe('adminRtlCss()', () => {
  it('turns exactly the right-to-left languages of the registry right to left', () => {
    const css = adminRtlCss();
    for (const l of locales) expect(css.includes(`".${l.code}"`), l.code).toBe(l.dir === 'rtl');
  });
});

describe('CMS backend settings', () => {
  it('needs no server for GitLab (PKCE) and an OAuth helper for GitHub', () => {
    expect(CmsSettingsSchema.safeParse({ backend: 'gitlab', repo: 'a/b', appId: 'x' }).success).toBe(true);
    expect(CmsSettingsSchema.safeParse({ backend: 'github', repo: 'a/b' }).success).toBe(false);
    expect(CmsSettingsSchema.safeParse({ backend: 'gitea', repo: 'a/b', appId: 'x' }).success).toBe(false);
  });

  it('lets the admin talk to the Git host API and nothing else', () => {
    expect(cmsApiOrigins({ backend: 'gitlab' })).toEqual(['https://gitlab.com']);
    expect(cmsApiOrigins({ backend: 'gitlab', hostUrl: 'https://git.example.dk/' })).toEqual(['https://git.example.dk']);
    expect(cmsApiOrigins({ backend: 'gitea', hostUrl: 'https://forgejo.example.dk' })).toEqual(['https://forgejo.example.dk']);
    expect(cmsApiOrigins({ backend: 'github' })).toEqual(['https://api.github.com']);
  });
});

describe('security headers for /admin/', () => {
  it('uses the admin policy only under /admin/', () => {
    expect(['/admin', '/admin/', '/admin/config.json'].every(isAdminPath)).toBe(true);
    expect(['/', '/da/', '/administration/', '/da/admin/'].some(isAdminPath)).toBe(false);
    expect(adminSecurityHeadersFor(siteConfig)['Content-Security-Policy']).toBe(adminContentSecurityPolicy(['https://gitlab.com']));
  });

  it('keeps scripts as strict as the site and allows inline style only in attributes', () => {
    const csp = adminContentSecurityPolicy([]);
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(csp).not.toContain("'unsafe-eval'");
    expect(csp).toMatch(/style-src 'self';/);
    expect(csp).toMatch(/style-src-elem 'self';/);
    expect(csp.match(/'unsafe-inline'/g)).toHaveLength(1);
    expect(csp).toContain("style-src-attr 'unsafe-inline'");
  });

  it('writes an /admin/* block to _headers that replaces the site CSP', () => {
    const file = headersFile({ cms: { backend: 'gitlab' } });
    expect(file).toMatch(/\/admin\/\*\n {2}! Content-Security-Policy\n/);
    expect(file).toContain("connect-src 'self' data: blob: https://gitlab.com");
  });
});
