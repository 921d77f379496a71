/**
 * A Vite plugin that makes the bundled Sveltia CMS (npm build of @sveltia/cms, pinned exactly in
 * package.json) work from our own origin only, under a CSP without inline <style>:
 * - Svelte injects every component's CSS as a <style> element at run time; we collect that CSS
 *   into a stylesheet the build emits, and turn the injection off;
 * - its stylesheet's @font-face fallbacks to cdn.jsdelivr.net are dropped (the same fonts are
 *   bundled from the package);
 * - the GitHub/GitLab status checks (a request to a status service every 5 minutes) are removed;
 * - the fallbacks to unpkg.com (used only when a local file is missing) point at our origin,
 *   so a gap fails loudly here instead of quietly fetching from a CDN;
 * - syntax highlighting keeps the few code languages staff could meet, not Shiki's ~300.
 * Fonts (Source Sans 3, Noto Mono, Material Symbols) and UI strings are already imported from
 * the package by its npm build, so Vite bundles them. Every patch must match, or the build fails:
 * a new Sveltia version that moved things is caught here, not in production.
 */
import type { Plugin } from 'vite';

const sveltiaEntry = /[\\/]@sveltia[\\/]cms[\\/]npm[\\/]index\.js(\?.*)?$/;
const cssModule = 'virtual:sveltia-components.css';
const keptCodeLanguages = new Set(['markdown', 'mdx', 'yaml', 'json', 'html', 'css', 'javascript', 'typescript']);

/** Applies `pattern` → `replacement` and checks how often it matched. */
function patch(
  code: string,
  what: string,
  pattern: RegExp,
  replacement: string | ((...m: string[]) => string),
  expected: (n: number) => boolean,
): string {
  let count = 0;
  const result = code.replace(pattern, (...m: string[]) => {
    count += 1;
    return typeof replacement === 'string' ? replacement : replacement(...m);
  });
  if (!expected(count))
    throw new Error(`sveltiaOffline: "${what}" matched ${count} times in @sveltia/cms; check the patch for this Sveltia version`);
  return result;
}

/** Turns a template literal's raw text into the string it stands for (build time, trusted package code). */
function cook(raw: string): string {
  return raw.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[\s\S])/g, (_, e: string) => {
    if (e.startsWith('u{')) return String.fromCodePoint(parseInt(e.slice(2, -1), 16));
    if (e[0] === 'u' || e[0] === 'x') return String.fromCharCode(parseInt(e.slice(1), 16));
    return ({ n: '\n', t: '\t', r: '\r' } as Record<string, string>)[e] ?? e;
  });
}

export function sveltiaOffline(): Plugin {
  let componentCss = '';
  return {
    name: 'aaben-doer-sveltia-offline',
    enforce: 'pre',
    // In `npm run dev`, Vite would pre-bundle the package with esbuild and skip the patches below.
    config: () => ({ optimizeDeps: { exclude: ['@sveltia/cms'] } }),
    resolveId(id) {
      if (id === cssModule) return `\0${cssModule}`;
    },
    load(id) {
      if (id === `\0${cssModule}`) return componentCss;
    },
    transform(code, id) {
      if (!sveltiaEntry.test(id)) return;
      const css: string[] = [];
      // Each component's CSS moves to the stylesheet; the script keeps only the (unused) hash.
      const withoutCss = code.replace(
        /\{hash:`(svelte-[a-z0-9]+)`,code:`((?:[^`\\$]|\\[\s\S]|\$(?!\{))*)`\}/g,
        (_m, hash: string, raw: string) => {
          css.push(cook(raw));
          return `{hash:\`${hash}\`,code:\`\`}`;
        },
      );
      if (css.length < 50) throw new Error(`sveltiaOffline: found only ${css.length} component stylesheets in @sveltia/cms`);
      // The package's fonts are added from its own files (FontFace API, bundled by Vite); its
      // stylesheet also declares them from cdn.jsdelivr.net as a fallback: drop those rules.
      componentCss = css.join('\n').replace(/@font-face\s*\{[^}]*cdn\.jsdelivr\.net[^}]*\}/g, '');
      const external = /url\(\s*["']?(https?:)?\/\//.exec(componentCss);
      if (external)
        throw new Error(
          `sveltiaOffline: the admin's CSS still loads from another origin: ${componentCss.slice(external.index, external.index + 120)}`,
        );
      let out = patch(withoutCss, 'style injection', /if\(!(\w+)\.querySelector\(`#`\+(\w+)\.hash\)\)/g, 'if(!1)', (n) => n === 1);
      out = patch(out, 'status check', /checkStatus:[A-Za-z_$][\w$]*/g, 'checkStatus:void 0', (n) => n >= 1);
      out = patch(out, 'unpkg fallback', /https:\/\/unpkg\.com\//g, '/admin/no-cdn/', (n) => n >= 1);
      out = patch(
        out,
        'code languages',
        /import\(`@shikijs\/langs\/([\w-]+)`\)/g,
        (_m, lang: string) => (keptCodeLanguages.has(lang ?? '') ? `import(\`@shikijs/langs/${lang}\`)` : 'Promise.resolve({default:[]})'),
        (n) => n > 100,
      );
      const cdn = /https:\/\/(cdn\.jsdelivr\.net|unpkg\.com|fonts\.googleapis\.com|fonts\.gstatic\.com)\//.exec(out);
      if (cdn) throw new Error(`sveltiaOffline: @sveltia/cms still names a CDN: ${out.slice(cdn.index, cdn.index + 100)}`);
      return { code: `import ${JSON.stringify(cssModule)};\n${out}`, map: null };
    },
  };
}
