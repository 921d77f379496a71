/** The search page's script (loaded after the first paint with the site's, SiteScript.astro). */
import { initSearch } from './search.ts';

initSearch();
