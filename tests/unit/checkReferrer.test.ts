import { describe, expect, it } from 'vitest';
import { checkReferrer, partnerNamed } from '#src/referral/checkReferrer.ts';
import { referrerMessage } from '#src/referral/referrerMessage.ts';
import { KnownPartnerSchema, SiteConfigSchema } from '#src/site/siteConfigSchema.ts';
import { siteConfig } from '#site.config.ts';
import type { InboxRequest } from '#src/store/requests.ts';

const partners = [
  KnownPartnerSchema.parse({
    name: 'Greve Kommune, Sundhedsplejen',
    aliases: ['Sundhedsplejen i Greve'],
    phone: '+4543970000',
    emailDomains: ['greve.dk'],
  }),
  KnownPartnerSchema.parse({ name: 'Jobcenter Greve', phone: '+4543971000', emailDomains: ['greve.dk'] }),
  KnownPartnerSchema.parse({
    name: 'Bydelsmødre Greve Nord',
    phone: '+4522001100',
    emails: ['Bydelsmor.Greve@Gmail.com'],
    phones: ['+4522334455'],
  }),
];
const [health, jobs, mothers] = partners;
const check = (contact: string, organisation = 'Sundhedsplejen') => checkReferrer({ organisation, contact }, partners);

describe('checkReferrer()', () => {
  it('verifies an address on a partner’s domain, in any case and with spaces around it', () => {
    expect(check('hanne@greve.dk')).toEqual({ verified: true, partner: health });
    expect(check('  Hanne.Holm@GREVE.DK ')).toEqual({ verified: true, partner: health });
  });

  it('rejects look-alike domains: a partner’s domain inside another, as a prefix, a suffix or a sub-domain', () => {
    for (const contact of [
      'hanne@greve.dk.evil.com',
      'hanne@evilgreve.dk',
      'hanne@greve-dk.com',
      'hanne@greve.dkk',
      'hanne@mail.greve.dk',
      'greve.dk@evil.com',
      'hanne@greve.dk.',
      'hanne@evil.com?cc=x@greve.dk',
      'hanne@evil.com,x@greve.dk',
      'Hanne <hanne@evil.com> greve.dk',
    ]) {
      expect(check(contact).verified, contact).toBe(false);
    }
  });

  it('rejects letters that only look like the domain’s (Cyrillic е, the Kelvin sign, full-width letters)', () => {
    for (const contact of ['hanne@gr\u0435ve.dk', 'hanne@greve.d\u212A', 'hanne@ｇreve.dk', 'hanne@greve.dk\u200B']) {
      expect(check(contact).verified, contact).toBe(false);
    }
  });

  it('verifies a single listed address exactly, case aside, and nobody else on its free-mail domain', () => {
    expect(check('bydelsmor.greve@gmail.com', '')).toEqual({ verified: true, partner: mothers });
    expect(check('bydelsmor.greve2@gmail.com', '').verified).toBe(false);
    expect(check('x.bydelsmor.greve@gmail.com', '').verified).toBe(false);
  });

  it('verifies a phone number however it is typed, and the partner’s own number too', () => {
    for (const contact of ['22 33 44 55', '+45 22 33 44 55', '0045-22334455', '(+45) 2233 4455', '٢٢٣٣٤٤٥٥', '43 97 00 00']) {
      expect(check(contact, '').verified, contact).toBe(true);
    }
    expect(check('22 33 44 56', '').verified).toBe(false);
    // The same digits in another country are another number.
    expect(check('+46 22 33 44 55', '').verified).toBe(false);
  });

  it('prefers the partner the referrer named when two share a domain', () => {
    expect(check('lars@greve.dk', 'Jobcenter Greve')).toEqual({ verified: true, partner: jobs });
    expect(check('lars@greve.dk', 'Kommunen')).toEqual({ verified: true, partner: health });
  });

  it('does not verify by the organisation’s name, but finds the partner whose known number staff call', () => {
    expect(check('hanne@evil.com', 'Greve Kommune, Sundhedsplejen')).toEqual({ verified: false, partner: health });
    expect(check('+4512345678', 'Ukendt Forening')).toEqual({ verified: false, partner: undefined });
    expect(check('not a contact', '')).toEqual({ verified: false, partner: undefined });
  });
});

describe('partnerNamed()', () => {
  it('matches the name or an alias, whatever the case, punctuation and spacing', () => {
    expect(partnerNamed('greve kommune - sundhedsplejen', partners)).toBe(health);
    expect(partnerNamed('  SUNDHEDSPLEJEN  I GREVE ', partners)).toBe(health);
    expect(partnerNamed('BYDELSMØDRE greve nord', partners)).toBe(mothers);
    expect(partnerNamed('Sundhedsplejen', partners)).toBeUndefined();
    expect(partnerNamed('', partners)).toBeUndefined();
  });
});

describe('referrerMessage()', () => {
  const closed = (contact: string): Pick<InboxRequest, 'kind' | 'closedAt' | 'createdAt' | 'referral'> => ({
    kind: 'referral',
    createdAt: '2026-11-20T10:00:00Z',
    closedAt: '2026-11-25T10:00:00Z',
    referral: {
      referrer: { name: 'Hanne', role: 'Sundhedsplejerske', organisation: 'Greve Kommune, Sundhedsplejen', contact },
      consent: { how: 'oral', feedback: true, date: '2026-11-19' },
      languages: ['ar'],
      languageOther: '',
      note: '',
    },
  });
  const options = { staffLang: 'en' as const, staffName: 'Maryam Ali', org: 'Åben Dør', partners };

  it('offers a verified referrer the message, by mail or SMS', () => {
    const mail = referrerMessage(closed('hanne@greve.dk'), options)!;
    expect(mail.via).toBe('mail');
    expect(mail.href).toMatch(/^mailto:hanne%40greve\.dk\?subject=/);
    expect(mail.text).toContain('We have been in touch');
    expect(referrerMessage(closed('22 33 44 55'), options)!.href).toMatch(/^sms:\+4522334455\?body=/);
  });

  it('offers nothing to an unverified address, even when the organisation named is a known partner', () => {
    expect(referrerMessage(closed('hanne@greve.dk.evil.com'), options)).toBeUndefined();
    expect(referrerMessage(closed('+4512345678'), options)).toBeUndefined();
    expect(referrerMessage(closed('hanne@greve.dk'), { ...options, partners: [] })).toBeUndefined();
  });
});

describe('site.config.ts partners', () => {
  const base = { ...siteConfig, partners: undefined };
  const parse = (partner: Record<string, unknown>) =>
    SiteConfigSchema.safeParse({ ...base, partners: [{ name: 'X', phone: '+4543970000', ...partner }] }).success;

  it('refuses a free-mail domain, a domain with @ or capitals, and a number with spaces', () => {
    expect(parse({ emailDomains: ['greve.dk'] })).toBe(true);
    expect(parse({ emailDomains: ['gmail.com'] })).toBe(false);
    expect(parse({ emailDomains: ['@greve.dk'] })).toBe(false);
    expect(parse({ emailDomains: ['Greve.dk'] })).toBe(false);
    expect(parse({ emailDomains: ['dk'] })).toBe(false);
    expect(parse({ phones: ['22 33 44 55'] })).toBe(false);
  });

  it('lists the demo’s partners with made-up domains and numbers only', () => {
    expect(siteConfig.demo).toBe(true);
    expect(siteConfig.partners.length).toBeGreaterThan(0);
    for (const p of siteConfig.partners) {
      expect(
        [...p.emailDomains, ...p.emails.map((e) => e.split('@')[1]!)].every((d) => d.endsWith('example.dk')),
        p.name,
      ).toBe(true);
      expect(
        [p.phone, ...p.phones].every((n) => n.startsWith('+4500')),
        p.name,
      ).toBe(true);
    }
  });
});
