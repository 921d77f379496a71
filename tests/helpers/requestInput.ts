/** One valid request as the intake stores it (src/store/requestIntake.ts), for the store's unit tests. */
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
