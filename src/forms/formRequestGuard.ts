/**
 * Checks on the raw request to a form receiver (src/forms/receiveForm.ts), before anything is
 * parsed: size (413), content type (415) and Origin (403). These answer without rendering the
 * form: her browser never sends such a request; a script or another site does.
 */

/** Largest body accepted: a whole form, in any script, is far below this. */
export const formBodyLimit = 16 * 1024;

/**
 * Largest body ANY endpoint reads (a passkey message is the largest, a few KB). The server
 * answers a larger declared Content-Length 413 before Astro sees the request, and Astro's adapter
 * stops a chunked body past it (astro.config.mjs `bodySizeLimit`); endpoints check their own limit too.
 */
export const requestBodyLimit = 64 * 1024;

const formTypes = ['application/x-www-form-urlencoded', 'multipart/form-data'];

/** True for the two content types an HTML form sends. */
export function isFormContentType(contentType: string | null): boolean {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return formTypes.includes(type);
}

/**
 * True when the request comes from a page of this site.
 * - `Origin` is, scheme + host + port, the origin the request was sent to (`scheme` from
 *   ./clientAddress.ts requestScheme(), Host) or a configured public one (PUBLIC_ORIGIN; behind a
 *   proxy the Host may be an internal name): http://host posting to an https://host inbox is refused; or
 * - `Origin` is "null" and the browser says `Sec-Fetch-Site: same-origin`. Our pages are served
 *   with `Referrer-Policy: no-referrer`, and with that policy browsers send `Origin: null` on a
 *   form POST; Sec-Fetch-Site cannot be set by a page, so it still proves where the post came from.
 * A missing Origin, a foreign one, or "null" without that proof is refused.
 */
export function isAllowedOrigin({
  origin,
  host,
  scheme = 'http:',
  secFetchSite = null,
  allowedOrigins = [],
}: {
  origin: string | null;
  host: string | null;
  /** The scheme the request came in on (./clientAddress.ts requestScheme()). */
  scheme?: 'http:' | 'https:';
  secFetchSite?: string | null;
  allowedOrigins?: readonly string[];
}): boolean {
  if (origin === 'null') return secFetchSite === 'same-origin';
  if (!origin) return false;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  if (secFetchSite && secFetchSite !== 'same-origin') return false;
  if (host && parsed.origin === originOf(`${scheme}//${host}`)) return true;
  return allowedOrigins.some((allowed) => originOf(allowed) === parsed.origin);
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
