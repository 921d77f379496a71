import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { brokenLinks, linksOf, onDemandRoutes } from '../helpers/siteLinks.ts';

const origin = 'https://aabendoer.example.dk';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'site-links-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(file: string, text = ''): void {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), text);
}

describe('linksOf()', () => {
  it('reads href, src, action and every srcset candidate, with entities decoded', () => {
    const html =
      '<a href="/da/?a=1&amp;b=2">x</a><img src="/a.png" srcset="/a-1x.png 1x, /a-2x.png 2x">' +
      '<form action="/api/interest" method="post"></form><link href="/x.css" rel="stylesheet">';
    expect(linksOf(html)).toEqual(['/da/?a=1&b=2', '/a.png', '/api/interest', '/x.css', '/a-1x.png', '/a-2x.png']);
  });

  it("reads each script the after-paint loader adds, but not the loader's own code", () => {
    const html = '<script data-src="/_astro/site-1.js /_astro/flyerPage-2.js">var s=\' src="/nowhere.js"\';</script>';
    expect(linksOf(html)).toEqual(['/_astro/site-1.js', '/_astro/flyerPage-2.js']);
  });

  it('does not take strings inside scripts for links', () => {
    expect(linksOf('<script>const s = \' href="/nowhere/"\';</script><a href="/da/">da</a>')).toEqual(['/da/']);
  });
});

describe('onDemandRoutes()', () => {
  it('turns pages that are not prerendered into URL patterns', () => {
    const pages = path.join(dir, 'pages');
    write('pages/api/interest.ts', 'export const prerender = false;');
    write('pages/[lang]/interest/reply.astro', '---\nexport const prerender = false;\n---');
    write('pages/[lang]/about.astro', '---\n---');
    const routes = onDemandRoutes(pages);
    expect(routes).toHaveLength(2);
    const served = (p: string) => routes.some((r) => r.test(p));
    expect(served('/api/interest')).toBe(true);
    expect(served('/ar/interest/reply/')).toBe(true);
    expect(served('/ar/about/')).toBe(false);
    expect(served('/ar/interest/reply/x/')).toBe(false);
  });
});

describe('brokenLinks()', () => {
  const client = path.join(dir, 'client');
  write(
    'client/da/index.html',
    [
      '<a href="#main">skip</a><main id="main"></main>',
      '<a href="/da/about/">ok</a><a href="about/">ok, relative</a><a href="?langs=ar">ok, same page</a>',
      `<link rel="alternate" hreflang="ar" href="${origin}/ar/">`,
      '<a href="/flyers/flyer-ar-da-a4.pdf">missing PDF</a><a href="#nowhere">missing id</a>',
      `<link rel="alternate" hreflang="so" href="${origin}/so/">`,
      '<form action="/api/interest" method="post"><button>send</button></form>',
      '<a href="https://wa.me/4543970000">external</a><a href="tel:+4543970000">call</a><a href="mailto:a@b.dk">mail</a>',
      '<img src="/_astro/face.avif" alt="">',
    ].join('\n'),
  );
  write('client/da/about/index.html', '<a href="/da/">home</a>');
  write('client/ar/index.html', '');
  write('client/_astro/face.avif');

  it('names every reference that leads nowhere, with the page and the reason', () => {
    const found = brokenLinks(client, ['/da/', '/da/about/'], { siteOrigin: origin, onDemand: [/^\/api\/interest\/?$/] });
    expect(found).toEqual([
      {
        page: '/da/',
        ref: '/flyers/flyer-ar-da-a4.pdf',
        reason: '/flyers/flyer-ar-da-a4.pdf is neither in the build nor an on-demand route',
      },
      { page: '/da/', ref: '#nowhere', reason: 'no element with id "nowhere" on the page' },
      { page: '/da/', ref: `${origin}/so/`, reason: '/so/ is neither in the build nor an on-demand route' },
    ]);
  });

  it('passes once the missing files are built', () => {
    write('client/flyers/flyer-ar-da-a4.pdf');
    write('client/so/index.html');
    const html = fs.readFileSync(path.join(client, 'da/index.html'), 'utf8').replace('#nowhere', '#main');
    write('client/da/index.html', html);
    expect(brokenLinks(client, ['/da/', '/da/about/'], { siteOrigin: origin, onDemand: [/^\/api\/interest\/?$/] })).toEqual([]);
  });
});
