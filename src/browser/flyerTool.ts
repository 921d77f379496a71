/**
 * The flyer tool's one script: the public pages' script and the tool's own (flyerPage.ts), built
 * as one file (the flyer pages pass it through PageFrame.astro to SiteScript.astro in place of site.ts alone). Two
 * scripts were two requests; partners open this page more than any other.
 */
import './site.ts';
import './flyerPage.ts';
