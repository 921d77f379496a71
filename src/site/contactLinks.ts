/**
 * The links behind the contact buttons. Numbers come from site.config.ts (or a staff entry) in
 * E.164 form; messages are in the reader's language and always URL-encoded.
 */

/** `tel:+4543970000` */
export function telHref(phone: string): string {
  return `tel:${phone}`;
}

/** `sms:+4522334455?body=…` (RFC 5724; Android and current iOS both read `?body=`). No number: pick a contact. */
export function smsHref(phone: string | undefined, message: string): string {
  return `sms:${phone ?? ''}?body=${encodeURIComponent(message)}`;
}

/** `https://wa.me/4522334455?text=…`: wa.me wants the digits only. No number: pick a contact. */
export function whatsappHref(phone: string | undefined, message: string): string {
  const digits = (phone ?? '').replace(/\D/g, '');
  return `https://wa.me/${digits}?text=${encodeURIComponent(message)}`;
}

/**
 * A number as people read it: Danish numbers in pairs (+45 43 97 00 00), others as given.
 * The gaps are no-break spaces, so a number never wraps onto two lines.
 */
export function formatPhone(phone: string): string {
  const dk = /^\+45(\d{8})$/.exec(phone);
  if (!dk) return phone;
  return `+45\u00a0${(dk[1] ?? '').replace(/(\d{2})(?=\d)/g, '$1\u00a0')}`;
}

/** How she can reach the project, or asks to be reached: in order of how simple they are for her. */
export const contactChannels = ['call', 'sms', 'whatsapp'] as const;
export type ContactChannel = (typeof contactChannels)[number];

/** The icon (src/components/Icon.astro) of each channel, the same on the buttons and in the form. */
export const channelIcons = { call: 'phone', sms: 'sms', whatsapp: 'whatsapp' } as const satisfies Record<ContactChannel, string>;

export interface ContactLink {
  channel: ContactChannel;
  href: string;
}

interface ContactNumbers {
  phone: string;
  sms: string;
  whatsapp: string;
  channels: Record<ContactChannel, boolean>;
}

/** The enabled channels, in order of how simple they are for her: call, SMS, WhatsApp. */
export function contactLinks(config: ContactNumbers, message: string): ContactLink[] {
  const all: ContactLink[] = [
    { channel: 'call', href: telHref(config.phone) },
    { channel: 'sms', href: smsHref(config.sms, message) },
    { channel: 'whatsapp', href: whatsappHref(config.whatsapp, message) },
  ];
  return all.filter((link) => config.channels[link.channel]);
}
