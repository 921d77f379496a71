/** Valid inputs for the store's unit tests: a request as the intake stores it, a registration as the form's store does. */
import type { InterestInput } from '#src/store/interest.ts';
import type { RequestInput } from '#src/store/requestIntake.ts';

export const validRequestInput: RequestInput = {
  kind: 'interest',
  firstName: 'Amal',
  phone: '+4512345678',
  language: 'ar',
  contactMethod: 'call',
  bestTime: 'any',
  activities: [],
  interpreter: false,
  consentVersion: 'abc',
  consentLanguage: 'ar',
  channel: '',
  heardVia: '',
};

/** One registration as the form's store takes it (src/store/interest.ts). */
export const sampleRegistration: InterestInput = {
  firstName: 'Amal',
  phone: '+4512345678',
  language: 'ar',
  contactMethod: 'call',
  bestTime: 'morning',
  activities: ['courses'],
  interpreter: true,
  consentVersion: 'abc123',
  consentLanguage: 'ar',
};
