// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import node from '@astrojs/node';
import sitemap from '@astrojs/sitemap';
import tailwindcss from '@tailwindcss/vite';
import { langs, defaultLang } from './src/i18n/locales.ts';
import { siteConfig } from './site.config.ts';
import { sveltiaOffline } from './src/cms/sveltiaOffline.ts';
import { voiceIntegration } from './src/voice/voiceIntegration.ts';
import { distDir } from './src/server/distDir.ts';
import { requestBodyLimit } from './src/forms/formRequestGuard.ts';

/**
 * Puts the brand colours from site.config.ts into the stylesheets (no inline style needed): the
 * public pages' (global.css), the flyer pages' (flyerTool.css) and the staff pages' (inbox.css),
 * the ones that Astro loads; what they import, Tailwind reads itself.
 */
function siteTheme() {
  const vars = `:root{--site-primary:${siteConfig.colours.primary};--site-accent:${siteConfig.colours.accent}}\n`;
  return {
    name: 'aaben-doer-site-theme',
    enforce: /** @type {const} */ ('pre'),
    /** @param {string} code @param {string} id */
    transform(code, id) {
      if (/\/src\/styles\/(global|inbox|flyerTool)\.css$/.test(id)) return { code: vars + code, map: null };
    },
  };
}

export default defineConfig({
  site: siteConfig.siteUrl,
  trailingSlash: 'always',
  // dist/, or the release folder `npm run publish` builds into (env DIST_DIR).
  outDir: distDir(),
  // Every page is prerendered; only /api/interest opts out (`prerender = false`).
  output: 'static',
  // No endpoint takes more than requestBodyLimit (64 KB): the adapter stops reading past it
  // (its default is 1 GB); the server refuses a larger Content-Length before (src/server/refuseLargeBody.ts).
  adapter: node({ mode: 'middleware', bodySizeLimit: requestBodyLimit }),
  // The form receivers check Origin themselves (src/forms/formRequestGuard.ts): under our
  // Referrer-Policy no-referrer, browsers send "Origin: null" on form posts, which Astro's
  // own check refuses; ours accepts that only with Sec-Fetch-Site: same-origin.
  security: { checkOrigin: false },
  i18n: {
    locales: langs,
    defaultLocale: defaultLang,
    // Manual: src/middleware.ts applies the same rules (every page under /<lang>/) to everything
    // but the staff inbox, whose on-demand pages live at /inbox/ in Danish or English.
    routing: 'manual',
  },
  integrations: [
    mdx(),
    voiceIntegration(),
    sitemap({
      // Staff-only pages stay out of the sitemap (they are noindex too), as do the thanks and offline pages.
      filter: (page) =>
        !/\/(admin|translation-status|inbox)\//.test(page) && !/\/((interest|partners\/refer)\/thanks|[a-z]{2,3}\/offline)\//.test(page),
      i18n: { defaultLocale: defaultLang, locales: Object.fromEntries(langs.map((l) => [l, l])) },
    }),
  ],
  build: {
    // Strict CSP without 'unsafe-inline': never inline stylesheets.
    inlineStylesheets: 'never',
    format: 'directory',
  },
  vite: {
    plugins: [siteTheme(), tailwindcss(), sveltiaOffline()],
    build: { assetsInlineLimit: 0 },
  },
});
