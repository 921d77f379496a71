/**
 * Is a referral's referrer one of our known partners? Someone may pose as a partner to learn
 * whether she asked for help, so only a contact listed in site.config.ts `partners` may hear
 * back (./referrerMessage.ts). An e-mail address matches a partner's exact address or exactly one
 * of its domains (never a look-alike: `greve.dk.evil.com`, `evilgreve.dk`, a Cyrillic "е"); a
 * phone number matches after normalising. The typed organisation name verifies nothing: it only
 * finds the partner whose known number staff call to check.
 */
import { normalisePhone } from '#src/forms/normalisePhone.ts';
import type { KnownPartner } from '#src/site/siteConfigSchema.ts';

/** What staff may do about a referrer: answer a verified one; call the partner's known number otherwise. */
export type ReferrerCheck =
  | { verified: true; /** The partner the contact belongs to. */ partner: KnownPartner }
  | { verified: false; /** The partner the typed organisation names, if any: call its known number. */ partner: KnownPartner | undefined };

// ASCII only, one @, no spaces or separators: anything else is not an address we could verify.
const emailPattern = /^[a-z0-9._%+-]+@([a-z0-9-]+(?:\.[a-z0-9-]+)+)$/;

/** The address in lower case and its domain, when `contact` is one plain ASCII address. */
function emailOf(contact: string): { address: string; domain: string } | undefined {
  const address = contact.trim();
  // Checked before lower-casing: "K" (the Kelvin sign) would otherwise become an ASCII "k".
  if (!/^[\x21-\x7e]+$/.test(address)) return undefined;
  const match = emailPattern.exec(address.toLowerCase());
  return match ? { address: address.toLowerCase(), domain: match[1]! } : undefined;
}

/** An organisation's name compared loosely: case, punctuation and spacing do not matter. */
function nameKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLocaleLowerCase('da')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** True when the contact (an e-mail address or a phone number) is one this partner gave us. */
function ownsContact(partner: KnownPartner, contact: string): boolean {
  const email = emailOf(contact);
  if (email) {
    return (
      partner.emails.some((e) => e.toLowerCase() === email.address) || partner.emailDomains.some((d) => d.toLowerCase() === email.domain)
    );
  }
  if (contact.includes('@')) return false;
  const phone = normalisePhone(contact);
  return phone.ok && [partner.phone, ...partner.phones].includes(phone.phone);
}

/** The partner the referral's typed organisation names (by its name or an alias), if any. */
export function partnerNamed(organisation: string, partners: readonly KnownPartner[]): KnownPartner | undefined {
  const key = nameKey(organisation);
  if (key === '') return undefined;
  return partners.find((p) => [p.name, ...p.aliases].some((n) => nameKey(n) === key));
}

/** Checks a referrer against the known partners. */
export function checkReferrer(referrer: { organisation: string; contact: string }, partners: readonly KnownPartner[]): ReferrerCheck {
  const named = partnerNamed(referrer.organisation, partners);
  const owners = partners.filter((p) => ownsContact(p, referrer.contact));
  // Two partners may share a domain (a municipality's departments): the one she named comes first.
  const owner = owners.find((p) => p === named) ?? owners[0];
  return owner ? { verified: true, partner: owner } : { verified: false, partner: named };
}
