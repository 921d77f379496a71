/**
 * The "call me back" form as the one receiver pipeline (src/forms/receiveForm.ts) sees it: posted
 * to /api/interest from /<lang>/interest/, checked by ./validateInterest.ts, stored as a request of
 * kind "interest" with the version of the consent text she read.
 */
import { requestIntake } from '#src/store/requestIntake.ts';
import type { FormDefinition } from '#src/forms/formDefinition.ts';
import { defaultLang, isLang, langs, type Lang } from '#src/i18n/locales.ts';
import { consentVersion } from './interestFormModel.ts';
import { validateInterest, type InterestError, type InterestValues, type ValidInterest } from './validateInterest.ts';

export const interestForm: FormDefinition<Lang, InterestValues, InterestError, ValidInterest> = {
  name: 'interest',
  entry: 'a registration',
  action: '/api/interest',
  path: 'interest/',
  elsewhere: '/',
  langOf: (pageLang) => (isLang(pageLang) ? pageLang : defaultLang),
  validate: (entries, { activities, channels }) => validateInterest(entries, { langs, activities, channels }),
  formError: (code) => ({ field: 'form', code, key: `interest.error.form.${code}` }),
  async store({ pageLang: consentLanguage, ...data }, { db, lang }) {
    // One transaction: the request, its channel and answer, and the monthly counts (src/store/requestIntake.ts);
    // the 303 waits until it is on disk, in an fsync shared with the posts that arrived meanwhile (group commit).
    await requestIntake(db).addDurably({ ...data, kind: 'interest', consentVersion: consentVersion(lang), consentLanguage });
  },
  replyLocals: (interestReply) => ({ interestReply }),
};
