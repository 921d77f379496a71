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
export const kinds = ['general', 'meeting'] as const;
export type Kind = (typeof kinds)[number];

/** Danish plus up to two more languages. */
export const maxFlyerLangs = 3;

export interface FlyerOptions {
  /** The languages on the flyer, in order; always includes Danish. */
  langs: Lang[];
  /** Side by side (columns) or stacked (rows). */
  layout: Layout;
  /** A general invitation, or one specific information meeting. */
  kind: Kind;
  /** The meeting's id when kind is 'meeting'. */
  meeting?: string;
  /** A4; A5 two-up on a landscape A4 sheet; A3 poster. */
  paper: Paper;
  /** Tear-off tabs with phone and short URL at the bottom. */
  tabs: boolean;
  /** The staff photos at the top. */
  photo: boolean;
}

/** The languages on `lang`'s ready flyer: hers first, then Danish (the Danish one is Danish only). */
export function readyFlyerLangs(lang: Lang): Lang[] {
  return lang === defaultLang ? [defaultLang] : [lang, defaultLang];
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

/**
 * Reads options from a query string. Anything missing or unknown keeps its default; a meeting
 * that is not in `meetingIds` (past, cancelled, mistyped) turns the flyer into a general one.
 */
export function parseFlyerOptions(search: string | URLSearchParams, pageLang: Lang, meetingIds: readonly string[] = []): FlyerOptions {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const base = defaultFlyerOptions(pageLang);
  const langsParam = params.get('langs');
  const meeting = params.get('meeting') ?? undefined;
  let kind = pick(params.get('kind'), kinds, base.kind);
  if (kind === 'meeting' && (!meeting || !meetingIds.includes(meeting))) kind = 'general';
  return {
    langs: langsParam === null ? base.langs : normalizeFlyerLangs(langsParam.split(',')),
    layout: pick(params.get('layout'), layouts, base.layout),
    kind,
    ...(kind === 'meeting' ? { meeting } : {}),
    paper: pick(params.get('paper'), papers, base.paper),
    tabs: flag(params.get('tabs'), base.tabs),
    photo: flag(params.get('photo'), base.photo),
  };
}

/** The query string for `options`, without a leading '?'. Every option is written, so links stay stable. */
export function flyerQuery(options: FlyerOptions): string {
  const params = new URLSearchParams();
  params.set('langs', options.langs.join(','));
  params.set('layout', options.layout);
  params.set('kind', options.kind);
  if (options.kind === 'meeting' && options.meeting) params.set('meeting', options.meeting);
  params.set('paper', options.paper);
  params.set('tabs', options.tabs ? '1' : '0');
  params.set('photo', options.photo ? '1' : '0');
  // Commas read better in a link a partner sends by e-mail than %2C.
  return params.toString().replace(/%2C/g, ',');
}
