/**
 * The public pages' one script. Each part acts only where its markup is on the page, so one
 * file serves every page and is cached after the first. It is built as one self-contained
 * classic script (SiteScript.astro) and loaded with `defer`: the browser fetches it at low
 * priority and never holds the first paint for it, and there is no chain of imports to follow.
 * Without JavaScript every page still works; these only improve it. The forms' part (the phone
 * check, the channel code, quick exit) is 0.7 KB of it: a second script only on the form pages
 * cost those pages more in its own request than it saved the others.
 */
import '#src/interest/interestPhoneCheck.ts';
import { initTellAFriend } from './tellAFriend.ts';
import { startOfflineReading } from './offlineReading.ts';
import './calendarClock.ts';
import './meetingClock.ts';
import './quickExit.ts';
import './viaField.ts';
import './voice.ts';

initTellAFriend();
startOfflineReading();
