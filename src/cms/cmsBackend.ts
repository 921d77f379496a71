/** The `backend` block of the Sveltia config, from site.config.ts → cms. */
import type { CmsSettings } from './cmsSettingsSchema.ts';

export type { CmsSettings };

export function cmsBackend(cms: CmsSettings): Record<string, string> {
  const common = { repo: cms.repo, branch: cms.branch };
  switch (cms.backend) {
    case 'gitlab':
      return {
        name: 'gitlab',
        ...common,
        auth_type: 'pkce',
        app_id: cms.appId ?? '',
        ...(cms.hostUrl ? { base_url: cms.hostUrl, api_root: `${cms.hostUrl.replace(/\/$/, '')}/api/v4` } : {}),
      };
    case 'gitea':
      return { name: 'gitea', ...common, app_id: cms.appId ?? '', base_url: cms.hostUrl ?? '' };
    case 'github':
      return { name: 'github', ...common, base_url: cms.authUrl ?? '' };
  }
}
