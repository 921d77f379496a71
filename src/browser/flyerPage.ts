/** The flyer generator page's script (loaded after the first paint with the site's, SiteScript.astro). */
import { initFlyerGenerator } from './flyerGenerator.ts';

initFlyerGenerator();
