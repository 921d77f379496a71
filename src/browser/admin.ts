/** Starts Sveltia CMS on /admin/ with the config from /admin/config.json. */
import CMS from '@sveltia/cms';

void CMS.init();
