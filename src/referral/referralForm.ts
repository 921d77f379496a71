/**
 * The partner referral as the one receiver pipeline (src/forms/receiveForm.ts) sees it: posted
 * to /api/referral from /<da|en>/partners/refer/, checked by ./validateReferral.ts, stored as a
 * request of kind "referral" with its referrer and consent record.
 */
import { dayOf } from '#src/channels/channelCounts.ts';
import { requestIntake } from '#src/store/requestIntake.ts';
import type { FormDefinition } from '#src/forms/formDefinition.ts';
import { langs } from '#src/i18n/locales.ts';
import { localizedUrl } from '#src/i18n/localizedUrl.ts';
import { referralLangs, type ReferralLang } from './referralFields.ts';
import { validateReferral, type ReferralError, type ReferralValues, type ValidReferral } from './validateReferral.ts';

const isReferralLang = (value: unknown): value is ReferralLang => (referralLangs as readonly unknown[]).includes(value);

export const referralForm: FormDefinition<ReferralLang, ReferralValues, ReferralError, ValidReferral> = {
  name: 'referral',
  entry: 'a referral',
  action: '/api/referral',
  path: 'partners/refer/',
  elsewhere: localizedUrl(referralLangs[0], 'partners/refer/'),
  langOf: (pageLang) => (isReferralLang(pageLang) ? pageLang : referralLangs[0]),
  // Her languages may be any of the site's; the consent date may not be after today (Copenhagen).
  validate: (entries, { activities, channels }) => validateReferral(entries, { langs, activities, channels, today: dayOf(new Date()) }),
  formError: (code) => ({ field: 'form', code, key: `referral.error.form.${code}` }),
  async store(d, { db }) {
    // The 303 waits until the referral is on disk (group commit, as for the interest form).
    await requestIntake(db).addDurably({
      kind: 'referral',
      firstName: d.firstName,
      phone: d.phone,
      // Staff write to her in her first site language; Danish (with an interpreter) when she has none of them.
      language: d.languages.find((l) => l !== 'da') ?? d.languages[0] ?? 'da',
      contactMethod: 'call',
      bestTime: d.bestTime,
      activities: d.activities,
      interpreter: d.interpreter,
      consentVersion: `referral:${d.consent.how}:${d.consent.date}`,
      consentLanguage: d.pageLang,
      channel: d.channel,
      heardVia: 'professional',
      referral: { referrer: d.referrer, consent: d.consent, languages: d.languages, languageOther: d.languageOther, note: d.note },
    });
  },
  replyLocals: (referralReply) => ({ referralReply }),
};
