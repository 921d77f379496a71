/**
 * The public pages' one script. Each part acts only where its markup is on the page, so one
 * file serves every page and is cached after the first. It is built as one self-contained
 * classic script (DeferredScript.astro) and loaded with `defer`: the browser fetches it at low
 * priority and never holds the first paint for it, and there is no chain of imports to follow.
 * Without JavaScript every page still works; these only improve it. The forms have their own
 * script (forms.ts), so pages without a form never download that.
 */
import { initTellAFriend } from './tellAFriend.ts';
import './calendarClock.ts';
import './meetingClock.ts';
import './voice.ts';

initTellAFriend();
