/** Right-to-left editing for Arabic, Urdu and Farsi fields in the admin (see src/cms/adminRtlCss.ts). */
import type { APIRoute } from 'astro';
import { adminRtlCss } from '#src/cms/adminRtlCss.ts';

export const GET: APIRoute = () => new Response(adminRtlCss(), { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
