/**
 * POST /api/interest under Astro: the door `astro dev` uses (the production server answers the
 * same posts itself, src/forms/formReceiver.ts). The rules: src/forms/receiveForm.ts, with the
 * interest form's own in src/interest/interestForm.ts.
 */
import { formEndpoint } from '#src/forms/formEndpoint.ts';
import { interestForm } from '#src/interest/interestForm.ts';

export const prerender = false;

export const { POST, ALL } = formEndpoint(interestForm);
