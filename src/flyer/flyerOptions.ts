/**
 * The flyer generator's options and their URL form (`?langs=ar,da&paper=a5&tabs=0`). Pure and
 * shared by the build (the default flyer) and the browser script (the live preview), so a
 * bookmarked or sent link always reproduces the same flyer.
 */
import { defaultLang, isLang, type Lang } from '#src/i18n/locales.ts';

export const papers = ['a4', 'a5', 'a3'] as const;
export type Paper = (typeof papers)[number];
export const layouts = ['side', 'stack'] as const;
export type Layout = (typeof layouts)[number];
export const kinds = ['general', 'meeting', 'weekly', 'family'] as const;
export type Kind = (typeof kinds)[number];

/** Danish plus up to two more languages. */
export const maxFlyerLangs = 3;

export interface FlyerOptions {
  /** The languages on the flyer, in order; always includes Danish. */
  langs: Lang[];
  /** Side by side (columns) or stacked (rows). */
  layout: Layout;
  /** A general invitation, one information meeting, a weekly activity, or a flyer for her husband and family. */
  kind: Kind;
  /** The meeting's id when kind is 'meeting'. */
  meeting?: string;
  /** The weekly session's id when kind is 'weekly'. */
  session?: string;
  /** A4; A5 two-up on a landscape A4 sheet; A3 poster. */
  paper: Paper;
  /** Tear-off tabs with phone and short URL at the bottom. */
  tabs: boolean;
  /** The staff photos at the top. */
  photo: boolean;
  /** The channel (content/channels.yaml) whose code the QR codes, short address and tabs carry; none: the plain address. */
  channel?: string;
}

/**
 * The languages on `lang`'s ready flyer: hers first, then Danish and English, as the catalogue
 * asks of printed material (the Danish one is Danish and English, the English one English and Danish).
 */
export function readyFlyerLangs(lang: Lang): Lang[] {
  return [...new Set<Lang>([lang, defaultLang, 'en'])];
}

/** The flyer a partner gets before choosing anything: the ready flyer of her page's language. */
export function defaultFlyerOptions(pageLang: Lang): FlyerOptions {
  return {
    langs: readyFlyerLangs(pageLang),
    layout: 'side',
    kind: 'general',
    paper: 'a4',
    tabs: true,
    photo: true,
  };
}

/** Drops repeats and unknown codes, keeps at most three, and makes sure Danish is one of them. */
export function normalizeFlyerLangs(input: readonly string[]): Lang[] {
  const unique = [...new Set(input.filter(isLang))];
  const others: Lang[] = unique.filter((l) => l !== defaultLang).slice(0, maxFlyerLangs - 1);
  const danishAt = unique.indexOf(defaultLang);
  if (danishAt === -1) return [...others, defaultLang];
  // Keep Danish where the partner put it, among the others that fit.
  const before = unique.slice(0, danishAt).filter((l) => others.includes(l));
  return [...before, defaultLang, ...others.filter((l) => !before.includes(l))];
}

const pick = <T extends string>(value: string | null, allowed: readonly T[], fallback: T): T =>
  value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;

const flag = (value: string | null, fallback: boolean): boolean =>
  value === null ? fallback : !['0', 'off', 'false', 'no'].includes(value);

/** What exists on the site: the ids a flyer link may name. */
export interface KnownFlyerTargets {
  /** Upcoming information meetings. */
  meetingIds?: readonly string[];
  /** Weekly sessions. */
  sessionIds?: readonly string[];
  /** Channel codes from content/channels.yaml. */
  channelCodes?: readonly string[];
}

/**
 * Reads options from a query string. Anything missing or unknown keeps its default; a meeting
 * that is not in `known.meetingIds` (past, cancelled, mistyped), or a session not in
 * `known.sessionIds`, turns the flyer into a general one; a channel not in `known.channelCodes`
 * gives the plain address.
 */
export function parseFlyerOptions(search: string | URLSearchParams, pageLang: Lang, known: KnownFlyerTargets = {}): FlyerOptions {
  const { meetingIds = [], sessionIds = [], channelCodes = [] } = known;
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const base = defaultFlyerOptions(pageLang);
  const langsParam = params.get('langs');
  const meeting = params.get('meeting') ?? undefined;
  let kind = pick(params.get('kind'), kinds, base.kind);
  if (kind === 'meeting' && (!meeting || !meetingIds.includes(meeting))) kind = 'general';
  const session = params.get('session') ?? undefined;
  if (kind === 'weekly' && (!session || !sessionIds.includes(session))) kind = 'general';
  const channel = params.get('channel');
  return {
    langs: langsParam === null ? base.langs : normalizeFlyerLangs(langsParam.split(',')),
    layout: pick(params.get('layout'), layouts, base.layout),
    kind,
    ...(kind === 'meeting' ? { meeting } : {}),
    ...(kind === 'weekly' ? { session } : {}),
    paper: pick(params.get('paper'), papers, base.paper),
    tabs: flag(params.get('tabs'), base.tabs),
    photo: flag(params.get('photo'), base.photo),
    ...(channel !== null && channelCodes.includes(channel) ? { channel } : {}),
  };
}

/** The query string for `options`, without a leading '?'. Every option is written, so links stay stable. */
export function flyerQuery(options: FlyerOptions): string {
  const params = new URLSearchParams();
  params.set('langs', options.langs.join(','));
  params.set('layout', options.layout);
  params.set('kind', options.kind);
  if (options.kind === 'meeting' && options.meeting) params.set('meeting', options.meeting);
  if (options.kind === 'weekly' && options.session) params.set('session', options.session);
  params.set('paper', options.paper);
  params.set('tabs', options.tabs ? '1' : '0');
  params.set('photo', options.photo ? '1' : '0');
  if (options.channel) params.set('channel', options.channel);
  // Commas read better in a link a partner sends by e-mail than %2C.
  return params.toString().replace(/%2C/g, ',');
}
