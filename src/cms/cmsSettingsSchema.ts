/**
 * The `cms` part of site.config.ts: which Git host the staff admin saves to.
 * GitLab and Gitea/Forgejo sign in with PKCE in the browser (no server of ours); GitHub needs a
 * small OAuth helper (e.g. sveltia-cms-auth on Cloudflare Workers) whose address goes in `authUrl`.
 */
import { z } from 'astro/zod';

export const CmsSettingsSchema = z
  .object({
    /** The Git host: gitlab (gitlab.com or your own), gitea (Gitea or Forgejo) or github. */
    backend: z.enum(['gitlab', 'gitea', 'github']),
    /** The repository as owner/name (a GitLab subgroup may have more slashes: group/sub/name). */
    repo: z.string().regex(/^[\w.-]+(\/[\w.-]+)+$/, 'must be owner/name, e.g. greve-nord/aaben-doer'),
    /** The branch the site is built from. */
    branch: z.string().min(1).default('main'),
    /** Your own GitLab, Gitea or Forgejo server (https://git.example.dk). Leave out for gitlab.com. */
    hostUrl: z.url().optional(),
    /** The OAuth application's id (GitLab "Application ID", Gitea/Forgejo "Client ID"). */
    appId: z.string().min(1).optional(),
    /** GitHub only: the address of your OAuth helper. */
    authUrl: z.url().optional(),
  })
  .superRefine((cms, ctx) => {
    if (cms.backend === 'gitea' && !cms.hostUrl)
      ctx.addIssue({ code: 'custom', path: ['hostUrl'], message: 'Gitea/Forgejo needs hostUrl, the address of your server' });
    if (cms.backend !== 'github' && !cms.appId)
      ctx.addIssue({ code: 'custom', path: ['appId'], message: `${cms.backend} needs appId, the OAuth application's id (README)` });
    if (cms.backend === 'github' && !cms.authUrl)
      ctx.addIssue({ code: 'custom', path: ['authUrl'], message: 'GitHub needs authUrl, the address of your OAuth helper (README)' });
  });

export type CmsSettings = z.infer<typeof CmsSettingsSchema>;
