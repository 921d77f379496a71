/**
 * The flyer generator's live preview. Every language block is already on the page (rendered at
 * build time with its QR code); this shows the chosen ones in the chosen order, sets the sheet's
 * data attributes (layout, paper, tabs) and keeps the options in the URL.
 */
import { isLang, type Lang } from '#src/i18n/locales.ts';
import { flyerQuery, normalizeFlyerLangs, parseFlyerOptions, type FlyerOptions } from '#src/flyer/flyerOptions.ts';

function readForm(form: HTMLFormElement, current: FlyerOptions): FlyerOptions {
  const data = new FormData(form);
  const checked = (name: string, fallback: boolean) => (form.elements.namedItem(name) ? data.has(name) : fallback);
  const meeting = data.get('meeting');
  const aboutMeeting = data.get('kind') === 'meeting' && typeof meeting === 'string' && meeting !== '';
  return {
    langs: normalizeFlyerLangs(data.getAll('lang[]').map(String)),
    kind: aboutMeeting ? 'meeting' : 'general',
    ...(aboutMeeting ? { meeting } : {}),
    layout: data.get('layout') === 'stack' ? 'stack' : 'side',
    paper: data.get('paper') === 'a5' ? 'a5' : data.get('paper') === 'a3' ? 'a3' : 'a4',
    tabs: checked('tabs', current.tabs),
    photo: checked('photo', current.photo),
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
  const meetingChoice = form.querySelector<HTMLElement>('[data-flyer-meeting-choice]');
  if (meetingChoice) meetingChoice.hidden = options.kind !== 'meeting';
  for (const name of ['tabs', 'photo'] as const) {
    const box = form.elements.namedItem(name);
    if (box instanceof HTMLInputElement) box.checked = options[name];
  }
}

function renderFlyer(flyer: HTMLElement, { langs, kind, meeting }: FlyerOptions): void {
  for (const box of flyer.querySelectorAll<HTMLElement>('[data-flyer-meeting]')) {
    box.hidden = kind !== 'meeting' || box.dataset.flyerMeeting !== meeting;
  }
  const container = flyer.querySelector<HTMLElement>('.flyer-langs');
  if (!container) return;
  const blocks = new Map([...container.querySelectorAll<HTMLElement>('[data-flyer-lang]')].map((b) => [b.dataset.flyerLang, b]));
  for (const [code, block] of blocks) block.hidden = !langs.includes(code as Lang);
  // Reorder the DOM (not only the look), so screen readers and print follow the chosen order.
  for (const code of langs) {
    const block = blocks.get(code);
    if (block) container.append(block);
  }
  for (const block of blocks.values()) if (block.hidden) container.append(block);
  // The flyer reads in the direction of its first language (Arabic first: columns from the right).
  const first = langs[0] && blocks.get(langs[0])?.querySelector<HTMLElement>('[dir]');
  if (first) flyer.dir = first.dir;
}

function renderSheet(sheet: HTMLElement, options: FlyerOptions): void {
  Object.assign(sheet.dataset, {
    paper: options.paper,
    layout: options.layout,
    count: String(options.langs.length),
    kind: options.kind,
    tabs: options.tabs ? 'on' : 'off',
    photo: options.photo ? 'on' : 'off',
  });
  const [original, ...copies] = sheet.querySelectorAll<HTMLElement>(':scope > .flyer');
  if (!original) return;
  renderFlyer(original, options);
  copies.forEach((copy) => copy.remove());
  // A5 two-up: a second, identical flyer beside the first, silent for screen readers.
  if (options.paper === 'a5') {
    const copy = original.cloneNode(true) as HTMLElement;
    copy.setAttribute('aria-hidden', 'true');
    copy.dataset.flyerCopy = '';
    sheet.append(copy);
  }
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
  const meetingIds = [...form.querySelectorAll<HTMLOptionElement>('select[name="meeting"] option')].map((o) => o.value);
  let options = parseFlyerOptions(location.search, pageLang, meetingIds);
  const apply = (replaceUrl: boolean) => {
    writeForm(form, options);
    renderSheet(sheet, options);
    const query = `?${flyerQuery(options)}`;
    if (link) link.href = query;
    if (replaceUrl) history.replaceState(null, '', query);
  };

  apply(location.search !== '');
  form.addEventListener('change', () => {
    options = readForm(form, options);
    apply(true);
  });
  form.addEventListener('submit', (event) => {
    // The options never leave the page: the form's one action is printing.
    event.preventDefault();
    window.print();
  });
}
