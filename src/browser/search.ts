/**
 * Pagefind search without its UI bundle: ~2 KB of our own code instead of 126 KB, every word
 * from our translations, results as plain links. Pagefind picks the index for <html lang>.
 */
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
}
interface Pagefind {
  search(query: string): Promise<{ results: { data(): Promise<PagefindResultData> }[] }>;
}

let pagefind: Promise<Pagefind> | undefined;
function loadPagefind(): Promise<Pagefind> {
  // Resolved at run time: the index only exists after the build has run Pagefind.
  const url = '/pagefind/pagefind.js';
  pagefind ??= import(/* @vite-ignore */ url) as Promise<Pagefind>;
  return pagefind;
}

/** Pagefind excerpts mark hits with <mark>; rebuild them as DOM nodes, never as HTML. */
function excerptNodes(excerpt: string): Node[] {
  return excerpt.split(/(<mark>.*?<\/mark>)/).map((part) => {
    const hit = /^<mark>(.*)<\/mark>$/.exec(part);
    if (hit) {
      const mark = document.createElement('mark');
      mark.textContent = hit[1] ?? '';
      return mark;
    }
    return document.createTextNode(part.replace(/<[^>]*>/g, ''));
  });
}

function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(vars[k] ?? ''));
}

export function initSearch(): void {
  const form = document.querySelector<HTMLFormElement>('form.site-search');
  const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
  const status = document.querySelector<HTMLElement>('.search-status');
  const list = document.querySelector<HTMLOListElement>('.search-results');
  if (!form || !input || !status || !list) return;
  const text = form.dataset;

  async function run(query: string): Promise<void> {
    list!.replaceChildren();
    if (!query.trim()) {
      status!.textContent = '';
      return;
    }
    status!.textContent = text.loading ?? '';
    const search = await (await loadPagefind()).search(query);
    const data = await Promise.all(search.results.slice(0, 20).map((r) => r.data()));
    const count = data.length;
    status!.textContent = fill(count === 0 ? text.noResults! : count === 1 ? text.resultsOne! : text.resultsOther!, { count, query });
    for (const item of data) {
      const li = document.createElement('li');
      li.className = 'rounded-xl border border-black/10 bg-white p-4';
      const a = document.createElement('a');
      a.href = item.url;
      a.className = 'text-lg font-bold';
      a.textContent = item.meta.title ?? item.url;
      const p = document.createElement('p');
      p.append(...excerptNodes(item.excerpt));
      li.append(a, p);
      list!.append(li);
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const query = input.value;
    history.replaceState(null, '', `?q=${encodeURIComponent(query)}`);
    void run(query);
  });
  const initial = new URLSearchParams(location.search).get('q');
  if (initial) {
    input.value = initial;
    void run(initial);
  }
}
