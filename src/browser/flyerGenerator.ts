/**
 * The flyer generator's live preview. The page carries the general flyer's blocks of its own
 * language, Danish and English (rendered at build time with their QR codes); a language she picks
 * beyond those, or the whole block for a family, meeting or weekly flyer, is fetched once
 * (/<lang>/flyer/block.json, the same markup). This shows the chosen blocks in the
 * chosen order, sets the sheet's data attributes (layout, paper, tabs) and keeps the options in
 * the URL. While a block is on its way the sheet is aria-busy, and the URL follows once the
 * flyer shows what it says. Loaded by flyerPage.ts when there is work for it (which also prints).
 */
import { isLang, langs as siteLangs, type Lang } from '#src/i18n/locales.ts';
import { flyerQuery, normalizeFlyerLangs, parseFlyerOptions, type FlyerOptions } from '#src/flyer/flyerOptions.ts';
import { channelQrFile } from '#src/channels/channelLinks.ts';

function readForm(form: HTMLFormElement, current: FlyerOptions): FlyerOptions {
  const data = new FormData(form);
  const checked = (name: string, fallback: boolean) => (form.elements.namedItem(name) ? data.has(name) : fallback);
  const meeting = data.get('meeting');
  const channel = data.get('channel');
  const aboutMeeting = data.get('kind') === 'meeting' && typeof meeting === 'string' && meeting !== '';
  const session = data.get('session');
  const aboutSession = data.get('kind') === 'weekly' && typeof session === 'string' && session !== '';
  return {
    langs: normalizeFlyerLangs(data.getAll('lang[]').map(String)),
    kind: data.get('kind') === 'family' ? 'family' : aboutMeeting ? 'meeting' : aboutSession ? 'weekly' : 'general',
    ...(aboutMeeting ? { meeting } : {}),
    ...(aboutSession ? { session } : {}),
    layout: data.get('layout') === 'stack' ? 'stack' : 'side',
    paper: data.get('paper') === 'a5' ? 'a5' : data.get('paper') === 'a3' ? 'a3' : 'a4',
    tabs: checked('tabs', current.tabs),
    photo: checked('photo', current.photo),
    ...(typeof channel === 'string' && channel !== '' ? { channel } : {}),
  };
}

/** Shows the options in the controls (after normalising: Danish added, repeats dropped). */
function writeForm(form: HTMLFormElement, options: FlyerOptions): void {
  form.querySelectorAll<HTMLSelectElement>('select[name="lang[]"]').forEach((select, i) => {
    select.value = options.langs[i] ?? '';
  });
  const radios: Record<string, string> = { layout: options.layout, paper: options.paper, kind: options.kind };
  for (const input of form.querySelectorAll<HTMLInputElement>('input[type="radio"]')) input.checked = input.value === radios[input.name];
  const meeting = form.querySelector<HTMLSelectElement>('select[name="meeting"]');
  if (meeting && options.meeting) meeting.value = options.meeting;
  const channel = form.querySelector<HTMLSelectElement>('select[name="channel"]');
  if (channel) channel.value = options.channel ?? '';
  const meetingChoice = form.querySelector<HTMLElement>('[data-flyer-meeting-choice]');
  if (meetingChoice) meetingChoice.hidden = options.kind !== 'meeting';
  const session = form.querySelector<HTMLSelectElement>('select[name="session"]');
  if (session && options.session) session.value = options.session;
  const sessionChoice = form.querySelector<HTMLElement>('[data-flyer-session-choice]');
  if (sessionChoice) sessionChoice.hidden = options.kind !== 'weekly';
  for (const name of ['tabs', 'photo'] as const) {
    const box = form.elements.namedItem(name);
    if (box instanceof HTMLInputElement) box.checked = options[name];
  }
}

/** What each address on the flyer said before a channel was chosen (restored when it is unchosen). */
const plainUrls = new WeakMap<Element, Node[]>();

/** Puts the chosen channel's QR codes and short address on the flyer, or the plain ones back. */
function renderChannel(flyer: HTMLElement, channel: { code: string; short: string } | undefined): void {
  for (const url of flyer.querySelectorAll('[data-flyer-url]')) {
    if (!plainUrls.has(url)) plainUrls.set(url, [...url.childNodes]);
    if (!channel) {
      url.replaceChildren(...plainUrls.get(url)!);
      continue;
    }
    // A narrow column may break before the path, never inside the host name.
    const [host = '', ...path] = channel.short.split('/');
    const tail = document.createElement('span');
    tail.className = 'flyer-url-path';
    tail.textContent = path.length ? `/${path.join('/')}` : '';
    url.replaceChildren(host, document.createElement('wbr'), tail);
  }
  for (const block of flyer.querySelectorAll<HTMLElement>('[data-flyer-lang]')) {
    const figure = block.querySelector<HTMLElement>('[data-flyer-channel-label]');
    const plain = figure?.querySelector<SVGElement>('svg.flyer-qr-svg');
    if (!figure || !plain || !isLang(block.dataset.flyerLang)) continue;
    let img = figure.querySelector<HTMLImageElement>('img.flyer-qr-channel');
    if (channel) {
      if (!img) {
        img = channelQrImage();
        plain.after(img);
      }
      img.src = channelQrFile(channel.code, block.dataset.flyerLang);
      img.alt = (figure.dataset.flyerChannelLabel ?? '').replace('{url}', channel.short);
    }
    if (img) img.hidden = !channel;
    plain.style.display = channel ? 'none' : '';
  }
}

/** A channel's QR code beside the plain one, made on first use: an <img> in the page would need a src already. */
function channelQrImage(): HTMLImageElement {
  const img = document.createElement('img');
  img.className = 'flyer-qr-svg flyer-qr-channel';
  img.alt = '';
  img.width = 240;
  img.height = 240;
  return img;
}

function renderFlyer(flyer: HTMLElement, { langs, kind, meeting, session }: FlyerOptions, activity: string): void {
  for (const box of flyer.querySelectorAll<HTMLElement>('[data-flyer-meeting]')) {
    box.hidden = kind !== 'meeting' || box.dataset.flyerMeeting !== meeting;
  }
  for (const box of flyer.querySelectorAll<HTMLElement>('[data-flyer-session]')) {
    box.hidden = kind !== 'weekly' || box.dataset.flyerSession !== session;
  }
  // A weekly activity's flyer points its QR code at that activity's page; the others at the site.
  for (const code of flyer.querySelectorAll<HTMLElement>('[data-flyer-qr]')) code.hidden = code.dataset.flyerQr !== activity;
  const container = flyer.querySelector<HTMLElement>('.flyer-langs');
  if (!container) return;
  const blocks = new Map([...container.querySelectorAll<HTMLElement>('[data-flyer-lang]')].map((b) => [b.dataset.flyerLang, b]));
  for (const [code, block] of blocks) block.hidden = !langs.includes(code as Lang);
  // Reorder the DOM (not only the look), so screen readers and print follow the chosen order.
  for (const code of langs) {
    const block = blocks.get(code);
    if (block) container.append(block);
  }
  // Hidden blocks in the site's order, however they arrived: the same options give the same page.
  for (const code of siteLangs) {
    const block = blocks.get(code);
    if (block?.hidden) container.append(block);
  }
  // The flyer reads in the direction of its first language (Arabic first: columns from the right).
  const first = langs[0] && blocks.get(langs[0])?.querySelector<HTMLElement>('[dir]');
  if (first) flyer.dir = first.dir;
}

function renderSheet(sheet: HTMLElement, options: FlyerOptions, activity: string, channels: Map<string, string>): void {
  Object.assign(sheet.dataset, {
    paper: options.paper,
    layout: options.layout,
    count: String(options.langs.length),
    kind: options.kind,
    tabs: options.tabs ? 'on' : 'off',
    photo: options.photo ? 'on' : 'off',
    channel: options.channel ? 'on' : 'off',
  });
  const [original, ...copies] = sheet.querySelectorAll<HTMLElement>(':scope > .flyer');
  if (!original) return;
  renderFlyer(original, options, activity);
  const short = options.channel ? channels.get(options.channel) : undefined;
  renderChannel(original, options.channel && short ? { code: options.channel, short } : undefined);
  copies.forEach((copy) => copy.remove());
  // A5 two-up: a second, identical flyer beside the first, silent for screen readers.
  if (options.paper === 'a5') {
    const copy = original.cloneNode(true) as HTMLElement;
    copy.setAttribute('aria-hidden', 'true');
    copy.dataset.flyerCopy = '';
    sheet.append(copy);
  }
}

/** The blocks on their way, by language: each is fetched once, however often she picks it. */
const arriving = new Map<Lang, Promise<void>>();

/** The flyer's block in `lang`, if it carries one. */
const blockIn = (container: HTMLElement, lang: Lang) => container.querySelector<HTMLElement>(`:scope > [data-flyer-lang="${lang}"]`);

/**
 * Adds the blocks of `wanted` that the flyer lacks: a language the page does not carry, or, for a
 * flyer other than the general one (`complete`), the whole block in place of the page's general
 * one. A failed fetch leaves the block as it was, and is tried again next time.
 */
function loadBlocks(flyer: HTMLElement, wanted: readonly Lang[], complete: boolean): Promise<void> {
  const container = flyer.querySelector<HTMLElement>('.flyer-langs');
  if (!container) return Promise.resolve();
  const lacking = (lang: Lang) => {
    const block = blockIn(container, lang);
    return !block || (complete && block.dataset.flyerLight !== undefined);
  };
  return Promise.all(
    wanted.filter(lacking).map((lang) => {
      const known = arriving.get(lang);
      if (known) return known;
      const loading = fetch(`/${lang}/flyer/block.json`)
        .then((res) => (res.ok ? (res.json() as Promise<{ html: string }>) : Promise.reject(new Error(String(res.status)))))
        .then(({ html }) => {
          const template = document.createElement('template');
          template.innerHTML = html;
          const block = template.content.querySelector<HTMLElement>('[data-flyer-lang]');
          const light = blockIn(container, lang);
          if (!block) return;
          if (light) light.replaceWith(block);
          else container.append(block);
          // Its script's font (Nastaliq: 118 KB) before the flyer shows it: no reflow of the preview after.
          const family = getComputedStyle(block.querySelector('.flyer-lang') ?? block).fontFamily;
          return document.fonts.load(`1em ${family}`, block.textContent ?? '').then(() => undefined);
        })
        .catch(() => {
          arriving.delete(lang);
        });
      arriving.set(lang, loading);
      return loading;
    }),
  ).then(() => undefined);
}

/** True when the flyer has every block `options` needs, so it can be drawn at once. */
function hasBlocks(flyer: HTMLElement, { langs, kind }: FlyerOptions): boolean {
  const container = flyer.querySelector<HTMLElement>('.flyer-langs');
  return (
    !container ||
    langs.every((lang) => {
      const block = blockIn(container, lang);
      return block && (kind === 'general' || block.dataset.flyerLight === undefined);
    })
  );
}

export function initFlyerGenerator(): void {
  const root = document.querySelector<HTMLElement>('.flyer-generator');
  const form = root?.querySelector<HTMLFormElement>('form[data-flyer-controls]');
  const sheet = root?.querySelector<HTMLElement>('.flyer-sheet');
  const pageLang = root?.dataset.pageLang;
  if (!root || !form || !sheet || !isLang(pageLang)) return;
  const link = form.querySelector<HTMLAnchorElement>('[data-flyer-link]');

  // A meeting that has ended since the build is no longer offered (nor kept from an old link).
  for (const option of form.querySelectorAll<HTMLOptionElement>('select[name="meeting"] option')) {
    if (Number(option.dataset.end) <= Date.now()) option.remove();
  }
  for (const option of form.querySelectorAll<HTMLOptionElement>('select[name="session"] option')) {
    if (option.dataset.end && Number(option.dataset.end) <= Date.now()) option.remove();
  }
  const meetingIds = [...form.querySelectorAll<HTMLOptionElement>('select[name="meeting"] option')].map((o) => o.value);
  const sessionOptions = [...form.querySelectorAll<HTMLOptionElement>('select[name="session"] option')];
  const activityOf = new Map(sessionOptions.map((o) => [o.value, o.dataset.activity ?? '']));
  // Each channel's short address, as the build wrote it on its option.
  const channels = new Map(
    [...form.querySelectorAll<HTMLOptionElement>('select[name="channel"] option')]
      .filter((o) => o.value)
      .map((o) => [o.value, o.dataset.short ?? '']),
  );
  let options = parseFlyerOptions(location.search, pageLang, {
    meetingIds,
    sessionIds: [...activityOf.keys()],
    channelCodes: [...channels.keys()],
  });
  const original = sheet.querySelector<HTMLElement>(':scope > .flyer');
  // Only the latest choice is drawn: a block that arrives late does not bring back an older one.
  let latest = 0;
  const apply = (replaceUrl: boolean) => {
    writeForm(form, options);
    const wanted = options;
    const turn = ++latest;
    const draw = () => {
      if (turn !== latest) return;
      sheet.removeAttribute('aria-busy');
      const activity =
        wanted.kind === 'family' ? '#family' : (wanted.kind === 'weekly' && wanted.session && activityOf.get(wanted.session)) || '';
      renderSheet(sheet, wanted, activity, channels);
      const query = `?${flyerQuery(wanted)}`;
      if (link) link.href = query;
      if (replaceUrl) history.replaceState(null, '', query);
    };
    // Drawn at once when every block is here (no flash of an emptier flyer), else when they arrive.
    if (!original || hasBlocks(original, wanted)) draw();
    else {
      sheet.setAttribute('aria-busy', 'true');
      void loadBlocks(original, wanted.langs, wanted.kind !== 'general').then(draw);
    }
  };

  // Her choices made while this script loaded (flyerPage.ts) win over the URL's.
  if (root.dataset.flyerChanged !== undefined) {
    options = readForm(form, options);
    apply(true);
  } else apply(location.search !== '');
  root.dataset.flyerReady = '';
  form.addEventListener('change', () => {
    options = readForm(form, options);
    apply(true);
  });
}
