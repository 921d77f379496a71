/**
 * The message staff may send a referrer when a referral is closed and the woman agreed that the
 * referrer may hear back: that we have been in touch, and nothing about her (no name, no number,
 * no outcome). Ready as a mailto: or sms: link, in the staff member's language, and only to a
 * contact of a known partner (./checkReferrer.ts): never to whatever address someone typed.
 */
import { normalisePhone } from '#src/forms/normalisePhone.ts';
import { smsHref } from '#src/site/contactLinks.ts';
import { staffTranslations, type StaffLang } from '#src/inbox/staffTranslations.ts';
import type { InboxRequest } from '#src/store/requests.ts';
import type { KnownPartner } from '#src/site/siteConfigSchema.ts';
import { checkReferrer } from './checkReferrer.ts';

/**
 * The message and its links, or undefined when none may be sent (open, not a referral, no
 * feedback agreed, or a referrer who is not a known partner's).
 */
export function referrerMessage(
  request: Pick<InboxRequest, 'kind' | 'closedAt' | 'createdAt' | 'referral'>,
  options: { staffLang: StaffLang; staffName: string; org: string; partners: readonly KnownPartner[] },
): { text: string; href: string; via: 'mail' | 'sms' } | undefined {
  const referral = request.referral;
  if (request.kind !== 'referral' || !request.closedAt || !referral?.consent.feedback) return undefined;
  if (!checkReferrer(referral.referrer, options.partners).verified) return undefined;
  const t = staffTranslations(options.staffLang);
  const date = new Intl.DateTimeFormat(options.staffLang === 'da' ? 'da-DK' : 'en-GB', {
    timeZone: 'Europe/Copenhagen',
    dateStyle: 'long',
  }).format(new Date(request.createdAt));
  const staff = options.staffName.split(/\s+/)[0] ?? options.staffName;
  const text = t('referral.feedback.message', { referrer: referral.referrer.name, org: options.org, date, staff });
  const contact = referral.referrer.contact.trim();
  if (contact.includes('@')) {
    const subject = t('referral.feedback.subject', { org: options.org });
    return {
      text,
      via: 'mail',
      href: `mailto:${encodeURIComponent(contact)}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(text)}`,
    };
  }
  const phone = normalisePhone(contact);
  return phone.ok ? { text, via: 'sms', href: smsHref(phone.phone, text) } : undefined;
}
