/**
 * The ONE list of security headers. The Node server sets them on every response, and the build
 * writes them to dist/client/_headers for static hosts (Netlify, Cloudflare Pages, …).
 */

/** Content-Security-Policy: nothing but our own origin; no inline script or style. */
export const contentSecurityPolicy = [
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
].join('; ');

/** @type {Record<string, string>} */
export const securityHeaders = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** The same headers in the `_headers` file format that static hosts read. */
export function headersFile() {
  const lines = ['/*', ...Object.entries(securityHeaders).map(([k, v]) => `  ${k}: ${v}`)];
  lines.push('', '/_astro/*', '  Cache-Control: public, max-age=31536000, immutable', '');
  return lines.join('\n');
}
