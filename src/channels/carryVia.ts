/**
 * Carries a channel code from page to page without a cookie or a script: when the server sends a
 * page asked for with ?via=<code> (a known code), every link to another page of the site gets
 * the same ?via=<code>, and the form page gets it in its hidden field. Nothing is stored.
 */

/** A `via` value worth carrying: one of the known codes, else none. */
export function viaCode(search: string, knownCodes: ReadonlySet<string>): string | undefined {
  const via = new URLSearchParams(search).get('via');
  return via && knownCodes.has(via) ? via : undefined;
}

// A link to a page under /<lang>/ (not an asset, not an anchor, not another site), with no query of its own.
const pageLink = /href="(\/[a-z]{2,3}\/(?:[a-z0-9-]+\/)*)(#[^"]*)?"/g;

/** The page's HTML with ?via=<code> on its links to other pages, and in its forms' hidden channel fields. */
export function carryVia(html: string, code: string): string {
  return html
    .replace(pageLink, (_all, path: string, hash = '') => `href="${path}?via=${code}${hash}"`)
    .replace(/<input\b[^>]*\bdata-via\b[^>]*>/g, (tag) => `<input value="${code}"${tag.slice(6).replace(/\svalue="[^"]*"/, '')}`);
}
