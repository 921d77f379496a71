/**
 * The flyer generator page's script (in one file with the site's, flyerTool.ts; loaded after the
 * first paint, SiteScript.astro).
 * The page as built is already the flyer she gets by default, and printing it needs no script;
 * so the generator itself (flyerGenerator.ts, 2.7 KB with brotli against 0.3 KB) loads only when it has work: a link
 * with options, or her first touch of the controls. What she changes before it arrives is read
 * from the form when it starts. While it loads, the sheet is aria-busy.
 */
const root = document.querySelector<HTMLElement>('.flyer-generator');
const form = root?.querySelector<HTMLFormElement>('form[data-flyer-controls]');
const sheet = root?.querySelector<HTMLElement>('.flyer-sheet');
const src = root?.dataset.generatorSrc;

if (root && form && sheet && src) {
  let loading = false;
  const load = () => {
    if (loading) return;
    loading = true;
    sheet.setAttribute('aria-busy', 'true');
    const script = document.createElement('script');
    script.src = src;
    script.onerror = () => sheet.removeAttribute('aria-busy');
    document.head.append(script);
  };
  // The form's one action is printing: the options never leave the page.
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    window.print();
  });
  form.addEventListener('change', () => {
    // Until the generator runs, it is told that the form holds her choices, not the URL's.
    if (root.dataset.flyerReady === undefined) root.dataset.flyerChanged = '';
    load();
  });
  for (const type of ['focusin', 'pointerdown']) form.addEventListener(type, load, { once: true });
  if (location.search !== '') load();
}
