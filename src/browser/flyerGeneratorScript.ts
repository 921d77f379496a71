/** The flyer generator's own script, loaded by flyerPage.ts when she uses the controls or opens a link with options. */
import { initFlyerGenerator } from './flyerGenerator.ts';

initFlyerGenerator();
