/** The staff admin's configuration, built from the schemas and site.config.ts (see src/cms/cmsConfig.ts). */
import type { APIRoute } from 'astro';
import { cmsConfig } from '#src/cms/cmsConfig.ts';
import { siteConfig } from '#site.config.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(cmsConfig(siteConfig.cms), null, 2), { headers: { 'Content-Type': 'application/json' } });
