/**
 * Contact links are well formed in every language: tel: with the number, sms: and wa.me with
 * the prefilled message in her language, URL-encoded, and only the channels switched on.
 */
import { describe, expect, it } from 'vitest';
import { contactLinks, formatPhone, smsHref, telHref, whatsappHref } from '#src/site/contactLinks.ts';
import { siteConfig } from '#site.config.ts';
import { langs } from '#src/i18n/locales.ts';
import { t } from '#src/i18n/translate.ts';

describe('contactLinks()', () => {
  it.each(langs)('in %s: call, SMS and WhatsApp carry the number and her message, encoded', (lang) => {
    const message = t(lang, 'contact.message');
    const links = Object.fromEntries(contactLinks(siteConfig, message).map((l) => [l.channel, l.href]));

    expect(links.call).toBe(`tel:${siteConfig.phone}`);

    const sms = links.sms!;
    expect(sms).toMatch(/^sms:\+\d{8,15}\?body=[^\s]+$/);
    expect(sms.startsWith(`sms:${siteConfig.sms}?`)).toBe(true);
    expect(decodeURIComponent(sms.split('?body=')[1]!)).toBe(message);

    const wa = new URL(links.whatsapp!);
    expect(wa.origin).toBe('https://wa.me');
    expect(wa.pathname).toBe(`/${siteConfig.whatsapp.replace(/\D/g, '')}`);
    expect(wa.searchParams.get('text')).toBe(message);
    expect(links.whatsapp).not.toMatch(/\s/);
  });

  it('leaves out a channel that is switched off in the site config', () => {
    const links = contactLinks({ ...siteConfig, channels: { call: true, sms: false, whatsapp: false } }, 'Hej');
    expect(links.map((l) => l.channel)).toEqual(['call']);
  });

  it('encodes characters that would break a URL (&, ?, #, +, line breaks)', () => {
    const tricky = 'A&B? #1 + 2\nnæste linje';
    expect(decodeURIComponent(smsHref('+4512345678', tricky).split('?body=')[1]!)).toBe(tricky);
    expect(new URL(whatsappHref('+4512345678', tricky)).searchParams.get('text')).toBe(tricky);
    expect(smsHref('+4512345678', tricky).split('?body=')[1]).not.toMatch(/[\s#&+?]/);
  });

  it('without a number lets her choose the recipient (tell a friend)', () => {
    expect(smsHref(undefined, 'x')).toBe('sms:?body=x');
    expect(whatsappHref(undefined, 'x')).toBe('https://wa.me/?text=x');
  });
});

describe('telHref() and formatPhone()', () => {
  it('dials the full international number and shows Danish numbers in pairs that never wrap', () => {
    expect(telHref('+4543970000')).toBe('tel:+4543970000');
    expect(formatPhone('+4543970000')).toBe('+45\u00a043\u00a097\u00a000\u00a000');
    expect(formatPhone('+46701234567')).toBe('+46701234567');
    expect(formatPhone('+441632960000')).toBe('+441632960000');
  });
});
