import { describe, expect, it } from 'vitest';
import {
  byteRange,
  filePolicy,
  isWholeFile,
  langOf,
  mayKeep,
  offlinePolicy,
  pageKey,
  referencedFiles,
  stylesheetsOf,
  withFormNote,
  type RequestFacts,
} from '#src/browser/offlineRules.ts';

const origin = 'https://aabendoer.example.dk';
const page = (path: string, over: Partial<RequestFacts> = {}): RequestFacts => ({
  method: 'GET',
  url: origin + path,
  mode: 'navigate',
  destination: 'document',
  ...over,
});
const file = (path: string, destination: string): RequestFacts => ({ method: 'GET', url: origin + path, mode: 'no-cors', destination });
const answer = (headers: Record<string, string>, over: { status?: number; type?: string; redirected?: boolean } = {}) => ({
  status: 200,
  type: 'basic',
  redirected: false,
  headers: new Headers(headers),
  ...over,
});

describe('offlinePolicy()', () => {
  it('keeps public pages network first', () => {
    for (const path of ['/so/', '/so/activities/', '/ar/meetings/2026-05-04-info/', '/'])
      expect(offlinePolicy(page(path), origin)).toBe('page');
  });

  it('never touches the staff pages, the API, short links, the search index, other origins or anything but GET', () => {
    for (const path of ['/inbox/', '/inbox/request/12/', '/admin/', '/api/interest', '/api/referral/', '/r/bib', '/pagefind/pagefind.js']) {
      expect(offlinePolicy(page(path), origin), path).toBe('bypass');
      expect(offlinePolicy(file(path, 'script'), origin), path).toBe('bypass');
    }
    expect(offlinePolicy(page('/so/', { method: 'POST' }), origin)).toBe('bypass');
    expect(offlinePolicy(page('/api/interest', { method: 'POST' }), origin)).toBe('bypass');
    expect(offlinePolicy(page('/so/', { url: 'https://wa.me/4500000001' }), origin)).toBe('bypass');
    expect(offlinePolicy(file('/_astro/site.js', 'script'), 'https://other.example')).toBe('bypass');
  });

  it('sends the form pages to the network, with or without a channel code, and keeps no page after a form', () => {
    for (const path of ['/so/interest/', '/so/interest/?via=bib', '/da/partners/refer/', '/en/partners/refer/index.html']) {
      expect(offlinePolicy(page(path), origin), path).toBe('form');
    }
    for (const path of ['/so/interest/thanks/', '/da/partners/refer/thanks/'])
      expect(offlinePolicy(page(path), origin), path).toBe('network');
  });

  it('keeps hashed files first and other files refreshed, but not what a script fetches', () => {
    expect(offlinePolicy(file('/_astro/DemoNotice.y1dSgBDf.css', 'style'), origin)).toBe('immutable');
    expect(offlinePolicy(file('/voice/0cdbbd6b2e005e50b8a4.webm', 'audio'), origin)).toBe('immutable');
    expect(offlinePolicy(file('/noscript.css', 'style'), origin)).toBe('asset');
    expect(offlinePolicy(file('/so/meetings.ics', ''), origin)).toBe('bypass');
  });
});

describe('filePolicy()', () => {
  it('takes the stylesheets, scripts, fonts and images a page loaded, from our origin only', () => {
    expect(filePolicy(`${origin}/_astro/site-BEyYlwmN.js`, origin)).toBe('immutable');
    expect(filePolicy(`${origin}/_astro/vazirmatn-arabic-400-normal.DMZFCm7K.woff2`, origin)).toBe('immutable');
    expect(filePolicy(`${origin}/noscript.css`, origin)).toBe('asset');
    expect(filePolicy('https://cdn.example/x.css', origin)).toBeNull();
  });

  it('leaves out clips (kept when played), the search index and anything that is not a file a page shows', () => {
    for (const path of [
      '/voice/0cdbbd6b2e005e50b8a4.m4a',
      '/pagefind/pagefind.js',
      '/so/meetings.ics',
      '/flyers/so.pdf',
      '/api/interest',
    ]) {
      expect(filePolicy(origin + path, origin), path).toBeNull();
    }
  });
});

describe('mayKeep()', () => {
  it('keeps a plain 200 page and files', () => {
    expect(mayKeep(answer({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' }), 'page')).toBe(true);
    expect(mayKeep(answer({ 'Content-Type': 'text/css', 'Cache-Control': 'public, max-age=31536000, immutable' }), 'immutable')).toBe(true);
  });

  it('never keeps an answer marked no-store or private, in any spelling', () => {
    for (const cc of ['no-store', 'No-Store', 'private', 'private, max-age=0', 'max-age=0, no-store', 'private="set-cookie"']) {
      expect(mayKeep(answer({ 'Content-Type': 'text/html', 'Cache-Control': cc }), 'page'), cc).toBe(false);
    }
  });

  it('keeps no error, partial answer, redirect or other origin, and no page that is not HTML', () => {
    expect(mayKeep(answer({ 'Content-Type': 'text/html' }, { status: 404 }), 'page')).toBe(false);
    expect(mayKeep(answer({ 'Content-Type': 'audio/webm' }, { status: 206 }), 'immutable')).toBe(false);
    expect(mayKeep(answer({ 'Content-Type': 'text/html' }, { redirected: true }), 'page')).toBe(false);
    expect(mayKeep(answer({ 'Content-Type': 'text/css' }, { type: 'opaque', status: 0 }), 'asset')).toBe(false);
    expect(mayKeep(answer({ 'Content-Type': 'application/pdf' }), 'page')).toBe(false);
  });
});

describe('pageKey() and langOf()', () => {
  it('keeps a page by its path alone: no search or channel code is written to the phone', () => {
    expect(pageKey(`${origin}/so/search/?q=visit`)).toBe(`${origin}/so/search/`);
    expect(pageKey(`${origin}/so/?via=bib#contact`)).toBe(`${origin}/so/`);
    expect(pageKey(`${origin}/so/index.html`)).toBe(`${origin}/so/`);
  });

  it('reads her language from the first part of the path', () => {
    expect(langOf(`${origin}/so/activities/`)).toBe('so');
    expect(langOf(`${origin}/ar/`)).toBe('ar');
    expect(langOf(`${origin}/`)).toBeNull();
    expect(langOf(`${origin}/inbox/`)).toBeNull();
  });
});

describe('the offline page for a form', () => {
  it('shows the form note instead of the general one', () => {
    const html = '<p class="a" data-offline-note="page">A</p><p class="b" data-offline-note="form" hidden>B</p>';
    expect(withFormNote(html)).toBe('<p class="a" data-offline-note="page" hidden>A</p><p class="b" data-offline-note="form">B</p>');
  });
});

describe('what a kept page needs', () => {
  it('finds its stylesheets and the hashed files it and its stylesheets refer to', () => {
    const html =
      '<link rel="icon" href="data:,"><link rel="stylesheet" href="/_astro/DemoNotice.y1dSgBDf.css">' +
      '<noscript><link rel="stylesheet" href="/noscript.css"></noscript>' +
      '<img src="/_astro/amina.Bk0Ve8wJ_wPHp0.webp" srcset="/_astro/amina.Bk0Ve8wJ_1kPTb5.webp 2x"><source src="/voice/0cdb.webm">';
    expect(stylesheetsOf(html)).toEqual(['/_astro/DemoNotice.y1dSgBDf.css']);
    expect(referencedFiles(html)).toEqual([
      '/_astro/DemoNotice.y1dSgBDf.css',
      '/_astro/amina.Bk0Ve8wJ_wPHp0.webp',
      '/_astro/amina.Bk0Ve8wJ_1kPTb5.webp',
      '/voice/0cdb.webm',
    ]);
    expect(referencedFiles('@font-face{src:local("Vazirmatn"),url(/_astro/vazirmatn.DMZFCm7K.woff2)format("woff2")}')).toEqual([
      '/_astro/vazirmatn.DMZFCm7K.woff2',
    ]);
  });
});

describe('byteRange() and isWholeFile()', () => {
  it('answers the ranges a player asks for', () => {
    expect(byteRange('bytes=0-', 1000)).toEqual({ start: 0, end: 999 });
    expect(byteRange('bytes=100-199', 1000)).toEqual({ start: 100, end: 199 });
    expect(byteRange('bytes=900-5000', 1000)).toEqual({ start: 900, end: 999 });
    expect(byteRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 });
  });

  it('gives no range for one it cannot answer', () => {
    for (const header of ['bytes=1000-', 'bytes=5-2', 'bytes=0-1,5-9', 'items=0-1', 'bytes=-'])
      expect(byteRange(header, 1000), header).toBeNull();
  });

  it('tells a whole-file 206 from a part', () => {
    expect(isWholeFile('bytes 0-999/1000')).toBe(true);
    expect(isWholeFile('bytes 0-499/1000')).toBe(false);
    expect(isWholeFile('bytes 500-999/1000')).toBe(false);
    expect(isWholeFile(null)).toBe(false);
  });
});
