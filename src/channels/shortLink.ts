/**
 * What /r/<code> answers, as a pure function the server calls: a known code goes to the home
 * page in the QR code's or the channel's language and counts under its code; anything else
 * under 33 characters goes to the language chooser and counts as "unknown" (never an error, and
 * a flood of made-up codes adds nothing but one counter); a longer one is not a code at all (404).
 */
import { isLang, type Lang } from '#src/i18n/locales.ts';
import { localizedUrl } from '#src/i18n/localizedUrl.ts';
import { maxCodeLength } from './channelSchema.ts';

/** The counter every unknown or malformed code adds to. Never a valid code (codes have 2+ characters, no "_"). */
export const unknownCode = '_unknown';

export type ShortLinkAnswer = { status: 404 } | { status: 302; location: string; counted: string };

/**
 * @param pathname  the request path, e.g. "/r/sp-greve", "/r/sp-greve/ar/"
 * @param channels  known codes and the language each one's typed link opens in
 */
export function resolveShortLink(pathname: string, channels: ReadonlyMap<string, { lang?: string | undefined }>): ShortLinkAnswer {
  const rest = pathname.replace(/^\/r\/?/, '').replace(/\/+$/, '');
  const [rawCode = '', rawLang, ...extra] = rest.split('/');
  if (rawCode.length > maxCodeLength) return { status: 404 };
  // Typed from a tab, a code may come in capitals; it never has any.
  const code = rawCode.toLowerCase();
  const channel = extra.length === 0 ? channels.get(code) : undefined;
  if (!channel) return { status: 302, location: '/', counted: unknownCode };
  const lang: Lang | undefined = isLang(rawLang) ? rawLang : isLang(channel.lang) ? channel.lang : undefined;
  const home = lang ? localizedUrl(lang) : '/';
  return { status: 302, location: `${home}?via=${code}`, counted: code };
}
