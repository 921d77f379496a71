/**
 * The forms' script (the interest form, the partner referral): the phone check as she leaves the
 * field, the channel code on a static host, and quick exit. Every form works without it.
 * Loaded by DeferredScript.astro from the form components, so other pages never download it.
 */
import '#src/interest/interestPhoneCheck.ts';
import './quickExit.ts';
import './viaField.ts';
