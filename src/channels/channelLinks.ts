/**
 * The addresses a channel's flyer carries. With our Node server (a form action on this site) a
 * short link /r/<code> counts the visit and forwards; on a pure static host there is no /r/, so
 * the code rides along as ?via=<code> and reaches the interest form that way.
 */
// With .ts extensions: the server and scripts import this file straight into Node.
import type { Lang } from '#src/i18n/locales.ts';
import { localizedUrl } from '#src/i18n/localizedUrl.ts';

interface LinkSite {
  /** site.config.ts siteUrl, e.g. https://aabendoer.example.dk */
  siteUrl: string;
  /** site.config.ts shortUrl, e.g. aabendoer.example.dk */
  shortUrl: string;
  /** site.config.ts formAction: a path on this site means our server runs. */
  formAction: string;
}

/** The path prefix of short links. */
export const shortLinkPrefix = '/r/';

/** True when the site runs on our Node server, which answers /r/<code>. */
export function hasShortLinks(site: LinkSite): boolean {
  return site.formAction.startsWith('/');
}

/** The address a QR code in `lang`'s block opens: /r/<code>/<lang>, or /<lang>/?via=<code> on a static host. */
export function channelQrUrl(site: LinkSite, code: string, lang: Lang): string {
  const path = hasShortLinks(site) ? `${shortLinkPrefix}${code}/${lang}` : `${localizedUrl(lang)}?via=${code}`;
  return new URL(path, site.siteUrl).href;
}

/** The address printed on the tabs and under the QR code, without https://: aabendoer.example.dk/r/sp-greve. */
export function channelShortText(site: LinkSite, code: string): string {
  return hasShortLinks(site) ? `${site.shortUrl}${shortLinkPrefix}${code}` : `${site.shortUrl}/?via=${code}`;
}

/** Where the build puts the QR code of `code` for `lang`'s block (the generator loads it when chosen). */
export function channelQrFile(code: string, lang: Lang): string {
  return `/flyer-qr/${code}/${lang}.svg`;
}
