/**
 * The ONE list of security headers. The Node server sets them on every response, and the build
 * writes them to dist/client/_headers for static hosts (Netlify, Cloudflare Pages, …).
 */

/** Content-Security-Policy: nothing but our own origin; no inline script or style. */
const basePolicy = [
  "default-src 'self'",
  // Pagefind's search runs WebAssembly; that needs wasm-unsafe-eval (not unsafe-eval).
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "object-src 'none'",
];

/**
 * The policy for a site whose interest form posts to `formAction`: an external endpoint
 * (static hosting, see README) must be allowed in form-action, or the browser refuses to send.
 * @param {{ formAction?: string }} [options]
 */
export function contentSecurityPolicyFor({ formAction = '/api/interest' } = {}) {
  const external = /^https:\/\//.test(formAction) ? ` ${new URL(formAction).origin}` : '';
  return basePolicy.map((d) => (d === "form-action 'self'" ? `${d}${external}` : d)).join('; ');
}

export const contentSecurityPolicy = contentSecurityPolicyFor();

/**
 * Every security header, for a site config (only `formAction` matters here).
 * @param {{ formAction?: string }} [options] @returns {Record<string, string>}
 */
export function securityHeadersFor(options = {}) {
  return { ...securityHeaders, 'Content-Security-Policy': contentSecurityPolicyFor(options) };
}

/** @type {Record<string, string>} */
export const securityHeaders = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/**
 * The same headers in the `_headers` file format that static hosts read.
 * @param {{ formAction?: string }} [options]
 */
export function headersFile(options = {}) {
  const lines = ['/*', ...Object.entries(securityHeadersFor(options)).map(([k, v]) => `  ${k}: ${v}`)];
  lines.push('', '/_astro/*', '  Cache-Control: public, max-age=31536000, immutable', '');
  return lines.join('\n');
}
