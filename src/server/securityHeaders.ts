/**
 * The ONE list of security headers. The Node server sets them on every response, and the build
 * writes them to dist/client/_headers for static hosts (Netlify, Cloudflare Pages, …).
 * /admin/ (the staff CMS) gets its own, still strict, policy: see adminContentSecurityPolicy().
 */
import { afterPaintLoaderSource } from '#src/browser/afterPaint.ts';
import { serviceWorkerCacheControl, serviceWorkerUrl } from '#src/browser/serviceWorkerUrl.ts';

/** The Git host the staff admin saves through (site.config.ts → cms). */
interface CmsHost {
  backend: 'gitlab' | 'gitea' | 'github';
  hostUrl?: string | undefined;
}

const sharedDirectives = ["frame-ancestors 'none'", "base-uri 'self'", "object-src 'none'"];

/**
 * Content-Security-Policy: nothing but our own origin; no inline style, and no inline script but
 * the one loader that adds the page's scripts after the first paint (src/browser/afterPaint.ts),
 * allowed by its hash.
 */
const basePolicy = [
  "default-src 'self'",
  // Pagefind's search runs WebAssembly; that needs wasm-unsafe-eval (not unsafe-eval).
  `script-src 'self' ${afterPaintLoaderSource} 'wasm-unsafe-eval'`,
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  ...sharedDirectives,
];

/**
 * The policy for a site whose interest form posts to `formAction`: an external endpoint
 * (static hosting, see README) must be allowed in form-action, or the browser refuses to send.
 */
export function contentSecurityPolicyFor({ formAction = '/api/interest' }: { formAction?: string } = {}): string {
  const external = /^https:\/\//.test(formAction) ? ` ${new URL(formAction).origin}` : '';
  return basePolicy.map((d) => (d === "form-action 'self'" ? `${d}${external}` : d)).join('; ');
}

export const contentSecurityPolicy = contentSecurityPolicyFor();

/** Every security header, for a site config (only `formAction` matters here). */
export function securityHeadersFor(options: { formAction?: string } = {}): Record<string, string> {
  return { ...securityHeaders, 'Content-Security-Policy': contentSecurityPolicyFor(options) };
}

export const securityHeaders: Record<string, string> = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/**
 * HSTS: a browser that has seen the site over https never tries plain http again, for a year.
 * The server sends it on every response when the site is published over https (PUBLIC_ORIGIN);
 * deploy/Caddyfile and deploy/nginx.conf set the same value, replacing the server's, so it also
 * covers the proxy's own answers (a 502) and is never sent twice.
 */
export const strictTransportSecurity = 'max-age=31536000; includeSubDomains';

/** The transport headers for a site published at `origin`: HSTS when it is https. */
export function transportSecurityHeaders(origin: string): Record<string, string> {
  return new URL(origin).protocol === 'https:' ? { 'Strict-Transport-Security': strictTransportSecurity } : {};
}

/** The origins the admin talks to: the Git host's API from site.config.ts → cms. Nothing else. */
export function cmsApiOrigins(cms: CmsHost | undefined): string[] {
  if (!cms) return [];
  if (cms.backend === 'github') return ['https://api.github.com'];
  const url = cms.hostUrl ?? (cms.backend === 'gitlab' ? 'https://gitlab.com' : undefined);
  return url ? [new URL(url).origin] : [];
}

/**
 * The staff admin's policy. Scripts stay exactly as strict as the site's ('self' only, no
 * unsafe-inline, no unsafe-eval). What differs, and why:
 * - style-src-attr 'unsafe-inline': Svelte (Sveltia's UI) sets style="" attributes while it runs.
 *   Style elements stay 'self' only: the build moves Sveltia's injected component CSS into a
 *   stylesheet file (src/cms/sveltiaOffline.ts).
 * - img-src/connect-src blob: and data:, worker-src blob:: the preview of a photo before it is
 *   saved, the image encoder's worker, and the inlined SVG icons Sveltia reads with fetch().
 * - connect-src <Git host API>: the admin saves through the Git host's API; that host only.
 */
export function adminContentSecurityPolicy(apiOrigins: string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "style-src-elem 'self'",
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    ['connect-src', "'self'", 'data:', 'blob:', ...apiOrigins].join(' '),
    "worker-src 'self' blob:",
    "form-action 'self'",
    ...sharedDirectives,
  ].join('; ');
}

/** True for the staff admin's paths. */
export const isAdminPath = (pathname: string): boolean => pathname === '/admin' || pathname.startsWith('/admin/');

/**
 * The headers for /admin/: the site's, with the admin's own CSP, noindex, and no COOP (signing
 * in to the Git host happens in a popup that reports back through window.opener).
 */
export function adminSecurityHeadersFor(options: { cms?: CmsHost | undefined } = {}): Record<string, string> {
  const { 'Cross-Origin-Opener-Policy': _coop, ...rest } = securityHeaders;
  return {
    ...rest,
    'Content-Security-Policy': adminContentSecurityPolicy(cmsApiOrigins(options.cms)),
    'X-Robots-Tag': 'noindex, nofollow',
  };
}

/**
 * The headers for one response of the Node server, by what the browser does with it. A page (or
 * anything it might open as one: SVG, XML, an on-demand answer) gets every header. A subresource
 * gets only what applies to it, because on a phone each response's headers are bytes too (the
 * full set is about 450 bytes, more than the favicon): a script keeps its CSP (a worker started
 * from it runs under that policy) and nosniff; styles, fonts, images, audio and the search index
 * get nosniff, as CSP, frame, referrer and permissions policies only act in a document.
 */
export function headersForPath(pathname: string, documentHeaders: Record<string, string>): Record<string, string> {
  if (/\.m?js$/.test(pathname)) {
    return { 'Content-Security-Policy': documentHeaders['Content-Security-Policy'] ?? '', 'X-Content-Type-Options': 'nosniff' };
  }
  if (/\.(css|woff2?|png|jpe?g|webp|avif|gif|ico|m4a|mp3|aac|ogg|opus|webm|wasm|pagefind|pf_meta|pf_index|pf_fragment)$/.test(pathname)) {
    return { 'X-Content-Type-Options': 'nosniff' };
  }
  return documentHeaders;
}

/**
 * The same headers in the `_headers` file format that static hosts read. Hosts combine every
 * block that matches a path, so /admin/* first detaches the site-wide CSP and COOP
 * ("! Name", as Cloudflare Pages reads it) before it sets its own.
 */
export function headersFile(options: { formAction?: string; cms?: CmsHost | undefined } = {}): string {
  const lines = ['/*', ...Object.entries(securityHeadersFor(options)).map(([k, v]) => `  ${k}: ${v}`)];
  lines.push('', '/_astro/*', '  Cache-Control: public, max-age=31536000, immutable');
  lines.push('', '/voice/*', '  Cache-Control: public, max-age=31536000, immutable');
  lines.push('', serviceWorkerUrl, `  Cache-Control: ${serviceWorkerCacheControl}`);
  const admin = adminSecurityHeadersFor(options);
  lines.push('', '/admin/*', '  ! Content-Security-Policy', '  ! Cross-Origin-Opener-Policy');
  lines.push(`  Content-Security-Policy: ${admin['Content-Security-Policy']}`, `  X-Robots-Tag: ${admin['X-Robots-Tag']}`, '');
  return lines.join('\n');
}
