/**
 * POST /api/referral under Astro: a partner refers a woman who said yes. The same door and the
 * same pipeline as /api/interest (src/forms/formEndpoint.ts, src/forms/receiveForm.ts), with the
 * referral's own rules in src/referral/referralForm.ts.
 */
import { formEndpoint } from '#src/forms/formEndpoint.ts';
import { referralForm } from '#src/referral/referralForm.ts';

export const prerender = false;

export const { POST, ALL } = formEndpoint(referralForm);
