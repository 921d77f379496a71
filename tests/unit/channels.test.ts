import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { parseYamlEntry } from '#src/contentLoaders/readYamlDir.ts';
import { channelsFileSchema, maxCodeLength } from '#src/channels/channelSchema.ts';
import { readChannels } from '#src/channels/readChannels.ts';
import { cmsConfig } from '#src/cms/cmsConfig.ts';
import { siteConfig } from '#site.config.ts';

const file = 'content/channels.yaml';
const problemsOf = (yaml: string) => {
  const result = parseYamlEntry(file, yaml, channelsFileSchema);
  return result.ok ? [] : result.problems;
};
const one = (fields: string) => `channels:\n  - ${fields.trim().split('\n').join('\n    ')}\n`;

describe('channels (content/channels.yaml)', () => {
  it('reads the demo list: every code unique, short and URL-safe', () => {
    const channels = readChannels(fileURLToPath(new URL('../../content/channels.yaml', import.meta.url)));
    expect(channels.length).toBeGreaterThan(3);
    expect(new Set(channels.map((c) => c.code)).size).toBe(channels.length);
    for (const c of channels) expect(c.code).toMatch(/^[a-z0-9-]{2,12}$/);
  });

  it('accepts a channel with only code, label and kind', () => {
    expect(problemsOf(one('code: "sp"\nlabel: "Sundhedsplejen"\nkind: "partner-flyer"'))).toEqual([]);
  });

  it.each([
    ['a', 'too short'],
    ['Sp-Greve', 'capitals'],
    ['sp greve', 'a space'],
    ['sundhedsplejen-greve', 'too long for a tear-off tab'],
    ['-sp', 'a leading dash'],
    ['sø', 'a letter outside a–z'],
  ])('names the file and the code field for "%s" (%s)', (code) => {
    expect(problemsOf(one(`code: "${code}"\nlabel: "X"\nkind: "poster"`))).toEqual([
      `${file}: channels.0.code: must be 2–12 of a–z, 0–9 and - (not first or last), e.g. "sp-greve"`,
    ]);
  });

  it('refuses a code used twice, naming the second', () => {
    const yaml = `${one('code: "fb"\nlabel: "A"\nkind: "social-media"')}  - code: "fb"\n    label: "B"\n    kind: "poster"\n`;
    expect(problemsOf(yaml)).toEqual([`${file}: channels.1.code: "fb" is already used by channel 1`]);
  });

  it('names an unknown kind, a missing label, an unknown language and a misspelt field', () => {
    expect(problemsOf(one('code: "ab"\nlabel: ""\nkind: "radio"\nlang: "xx"\norganization: "Y"'))).toEqual([
      `${file}: channels.0.label: is empty: the name staff and partners see`,
      `${file}: channels.0.kind: must be one of partner-flyer, poster, information-meeting, social-media, newsletter, other`,
      `${file}: channels.0.lang: must be one of da, en, ar, tr, ur, so, fa`,
      `${file}: channels.0: unknown field(s) "organization": check the spelling (fields: code, label, kind, organisation, lang)`,
    ]);
  });

  it('keeps valid codes well inside the 32 characters /r/ looks at', () => {
    expect(maxCodeLength).toBe(32);
  });

  it('lets staff edit the list in the admin, with exactly the schema fields', () => {
    const collections = (
      cmsConfig(siteConfig.cms) as { collections: { name: string; files?: { file: string; fields: { fields: { name: string }[] }[] }[] }[] }
    ).collections;
    const channels = collections.find((c) => c.name === 'channels')!.files![0]!;
    expect(channels.file).toBe('content/channels.yaml');
    expect(channels.fields[0]!.fields.map((f) => f.name)).toEqual(['code', 'label', 'kind', 'organisation', 'lang']);
  });
});
