import { describe, expect, it } from 'vitest';
import { carryOver, type CacheStore } from '#src/browser/offlineCarryOver.ts';

const origin = 'https://aabendoer.example.dk';
const names = { pages: 'offline-pages-new', files: 'offline-files-new' };

/** Cache Storage in memory, enough of it for carryOver(). */
function memoryCaches(contents: Record<string, Record<string, string>>): { storage: CacheStore; paths: (name: string) => string[] } {
  const stores = new Map<string, Map<string, string>>();
  const open = (name: string) => {
    if (!stores.has(name)) stores.set(name, new Map());
    const entries = stores.get(name)!;
    return {
      keys: async () => [...entries.keys()].map((url) => new Request(url)),
      match: async (r: Request | string) => {
        const body = entries.get(typeof r === 'string' ? r : r.url);
        return body === undefined ? undefined : new Response(body);
      },
      put: async (r: Request | string, response: Response) => void entries.set(typeof r === 'string' ? r : r.url, await response.text()),
    };
  };
  for (const [name, entries] of Object.entries(contents)) {
    for (const [path, body] of Object.entries(entries)) stores.set(name, (stores.get(name) ?? new Map()).set(origin + path, body));
  }
  const storage = {
    keys: async () => [...stores.keys()],
    open: async (name: string) => open(name),
    delete: async (name: string) => stores.delete(name),
  } as unknown as CacheStore;
  return { storage, paths: (name) => [...(stores.get(name)?.keys() ?? [])].map((u) => u.slice(origin.length)).sort() };
}

const oldRelease = {
  'offline-pages-old': {
    '/so/': '<link rel="stylesheet" href="/_astro/site.A1.css"><img src="/_astro/amina.B2.webp">',
    '/so/activities/': '<link rel="stylesheet" href="/_astro/site.A1.css"><source src="/voice/c3.webm">',
    '/so/offline/': '<link rel="stylesheet" href="/_astro/site.A1.css"><p>old number</p>',
  },
  'offline-files-old': {
    '/_astro/site.A1.css': '@font-face{src:url(/_astro/font.F4.woff2)}',
    '/_astro/font.F4.woff2': 'font',
    '/_astro/amina.B2.webp': 'photo',
    '/voice/c3.webm': 'clip',
    '/_astro/site.OLD.css': 'a stylesheet no kept page uses',
    '/_astro/leyla.OLD.webp': 'a photo no kept page uses',
  },
  'someone-elses-cache': { '/x': 'not ours' },
};

describe('carryOver()', () => {
  it('carries every kept page and the files they and their stylesheets use, drops the rest and the old caches', async () => {
    const { storage, paths } = memoryCaches(oldRelease);
    await carryOver(storage, names, origin, async () => false);
    expect(paths(names.pages)).toEqual(['/so/', '/so/activities/', '/so/offline/']);
    expect(paths(names.files)).toEqual(['/_astro/amina.B2.webp', '/_astro/font.F4.woff2', '/_astro/site.A1.css', '/voice/c3.webm']);
    expect((await storage.keys()).sort()).toEqual([names.files, names.pages, 'someone-elses-cache'].sort());
  });

  it('fetches her offline page afresh when it can, instead of carrying the old one', async () => {
    const { storage, paths } = memoryCaches(oldRelease);
    const refreshed: string[] = [];
    await carryOver(storage, names, origin, async (path) => {
      refreshed.push(path);
      await (await storage.open(names.pages)).put(origin + path, new Response('<p>new number</p>'));
      return true;
    });
    expect(refreshed).toEqual(['/so/offline/']);
    expect(await (await (await storage.open(names.pages)).match(`${origin}/so/offline/`))?.text()).toBe('<p>new number</p>');
    expect(paths(names.pages)).toEqual(['/so/', '/so/activities/', '/so/offline/']);
  });

  it('leaves a release’s own caches alone when there is nothing older', async () => {
    const { storage, paths } = memoryCaches({ [names.pages]: { '/so/': 'page' }, [names.files]: { '/_astro/a.css': 'css' } });
    await carryOver(storage, names, origin, async () => false);
    expect(paths(names.pages)).toEqual(['/so/']);
    expect(paths(names.files)).toEqual(['/_astro/a.css']);
  });
});
