/**
 * Page weight at first load: a fresh browser context per page (empty cache), a 412 px mobile
 * viewport (Lighthouse's Moto G Power: 412×823 at DPR 1.75), and the bytes Chromium reports on
 * the wire through the DevTools protocol (Network.loadingFinished.encodedDataLength), so
 * brotli, headers and every request count exactly as a phone would pay for them.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Browser } from '@playwright/test';

export const mobileViewport = { width: 412, height: 823 };
export const mobileScale = 1.75;
const mobileUserAgent =
  'Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/136.0.0.0 Mobile Safari/537.36';

/** Raster photos (the Latin-script budget leaves them out); SVG icons are not photos. */
const photoType = /^image\/(jpeg|png|webp|avif|gif)/;

export interface PageWeight {
  url: string;
  /** HTTP status of the document */
  status: number;
  /** bytes of the HTML file in dist/client */
  htmlRaw: number;
  /** the same, brotli quality 11 (what the server sends) */
  htmlBrotli: number;
  /** transfer per kind (headers included) */
  bytes: Record<'html' | 'css' | 'js' | 'font' | 'image' | 'other', number>;
  requests: number;
  /** everything, headers included */
  transfer: number;
  /** the same without HTTP headers */
  transferBodies: number;
  /** transfer of raster images */
  photos: number;
  fonts: number;
  /** transfer of scripts that carry a framework/hydration runtime */
  frameworkJs: number;
  /** script URLs (for the report) */
  scripts: string[];
  /** font URLs */
  fontFiles: string[];
  /** requests that failed or answered ≥ 400 */
  failed: string[];
}

/** One request of the page as the DevTools protocol reports it. */
interface SeenRequest {
  url: string;
  type: string;
  mime: string;
  status: number;
  headerBytes: number;
  total: number;
  done: boolean;
}

/** Script text that means a UI framework or Astro's island hydration shipped to the browser. */
const frameworkSignature = /astro-island|react-dom|\bpreact\b|svelte\/internal|vue\.runtime|solid-js|alpinejs/;

/**
 * The weight of `urlPath` (/ar/activities/danish/) at `baseUrl` (http://127.0.0.1:4416);
 * `clientDir` is dist/client, for the HTML file sizes, and `htmlFile` the page's file in it
 * (default: the path's index.html; the 404 page is one file, 404.html).
 */
export async function measurePageWeight(
  browser: Browser,
  baseUrl: string,
  urlPath: string,
  clientDir: string,
  htmlFile: string = path.join(urlPath, 'index.html'),
): Promise<PageWeight> {
  const context = await browser.newContext({
    viewport: mobileViewport,
    deviceScaleFactor: mobileScale,
    isMobile: true,
    hasTouch: true,
    userAgent: mobileUserAgent,
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const requests = new Map<string, SeenRequest>();
  cdp.on('Network.requestWillBeSent', (e) => {
    requests.set(e.requestId, { url: e.request.url, type: e.type ?? 'Other', mime: '', status: 0, headerBytes: 0, total: 0, done: false });
  });
  cdp.on('Network.responseReceived', (e) => {
    const r = requests.get(e.requestId);
    if (!r) return;
    r.type = e.type;
    r.mime = e.response.mimeType;
    r.status = e.response.status;
    r.headerBytes = e.response.encodedDataLength;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = requests.get(e.requestId);
    if (r) Object.assign(r, { total: e.encodedDataLength, done: true });
  });
  cdp.on('Network.loadingFailed', (e) => {
    const r = requests.get(e.requestId);
    if (r) Object.assign(r, { done: true, status: r.status || -1 });
  });
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });

  const response = await page.goto(baseUrl + urlPath, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
  // Scripts that fetch after load (search index, clock check) get a moment to do so.
  await page.waitForTimeout(300);

  const bytes: PageWeight['bytes'] = { html: 0, css: 0, js: 0, font: 0, image: 0, other: 0 };
  let transfer = 0;
  let transferBodies = 0;
  let photos = 0;
  let frameworkJs = 0;
  const scripts: string[] = [];
  const fontFiles: string[] = [];
  const failed: string[] = [];
  for (const r of requests.values()) {
    const kind = kindOf(r.type);
    bytes[kind] += r.total;
    transfer += r.total;
    transferBodies += Math.max(0, r.total - r.headerBytes);
    if (photoType.test(r.mime)) photos += r.total;
    if (kind === 'js') {
      scripts.push(r.url);
      const body = await fetch(r.url)
        .then((res) => res.text())
        .catch(() => '');
      if (frameworkSignature.test(body)) frameworkJs += r.total;
    }
    if (kind === 'font') fontFiles.push(r.url);
    if (r.status < 0 || r.status >= 400) failed.push(`${r.status} ${r.url}`);
  }
  await context.close();

  const file = path.join(clientDir, htmlFile);
  const html = fs.existsSync(file) ? fs.readFileSync(file) : Buffer.alloc(0);
  return {
    url: urlPath,
    status: response?.status() ?? 0,
    htmlRaw: html.length,
    htmlBrotli: html.length ? zlib.brotliCompressSync(html, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length : 0,
    bytes,
    requests: requests.size,
    transfer,
    transferBodies,
    photos,
    fonts: bytes.font,
    frameworkJs,
    scripts,
    fontFiles,
    failed,
  };
}

/** The kind a request counts as, from the DevTools protocol's resource type. */
function kindOf(cdpType: string): keyof PageWeight['bytes'] {
  switch (cdpType) {
    case 'Document':
      return 'html';
    case 'Stylesheet':
      return 'css';
    case 'Script':
      return 'js';
    case 'Font':
      return 'font';
    case 'Image':
      return 'image';
    default:
      return 'other';
  }
}
