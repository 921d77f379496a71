/**
 * Loads site.config.ts from plain Node (the server and the staff CLI are not built by Astro).
 * Node 22 strips the types itself; the hook only adds the ".ts" that Vite-style imports omit.
 */
import { register } from 'node:module';

let registered = false;

/** @returns {Promise<import('../config/siteConfigSchema').SiteConfig>} */
export async function loadSiteConfig() {
  if (!registered) {
    register('./tsResolveHook.mjs', import.meta.url);
    registered = true;
  }
  const { siteConfig } = await import('../../site.config.ts');
  return siteConfig;
}
