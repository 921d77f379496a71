/**
 * What the inbox shows of a request, in the staff member's language: age, language as endonym
 * and Danish (or English) name, the phone for reading, and the links that call her or open SMS or
 * WhatsApp with the ready message in her language.
 */
import { formatPhone, smsHref, telHref, whatsappHref } from '#src/site/contactLinks.ts';
import { getLocale, isLang, type LocaleDef } from '#src/i18n/locales.ts';
import type { StaffLang } from '#src/inbox/staffTranslations.ts';
import { readyMessage } from './messageTemplates.ts';
import { ageOf, deletionDate, isWaiting, suggestsClosing } from './requestStatus.ts';
import type { InboxRequest } from '#src/store/requests.ts';

/** "العربية · arabisk": her language in its own script and in the staff member's language. */
export function languageLabel(code: string, staffLang: StaffLang): { endonym: string; name: string; locale?: LocaleDef } {
  const locale = isLang(code) ? getLocale(code) : undefined;
  const name = new Intl.DisplayNames([staffLang], { type: 'language' }).of(code) ?? code;
  return { endonym: locale?.endonym ?? code, name, locale };
}

export function formatDate(date: Date, staffLang: StaffLang): string {
  return new Intl.DateTimeFormat(staffLang === 'da' ? 'da-DK' : 'en-GB', { timeZone: 'Europe/Copenhagen', dateStyle: 'long' }).format(date);
}

export function formatDateTime(iso: string, staffLang: StaffLang): string {
  return new Intl.DateTimeFormat(staffLang === 'da' ? 'da-DK' : 'en-GB', {
    timeZone: 'Europe/Copenhagen',
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(new Date(iso));
}

export function requestView(
  request: InboxRequest,
  options: { now: Date; retentionDays: number; staffLang: StaffLang; staffName: string; org: string; danishMessage?: boolean },
) {
  const firstName = options.staffName.split(/\s+/)[0] ?? options.staffName;
  const message = readyMessage(request.language, { name: request.firstName, staff: firstName, org: options.org });
  const danish = readyMessage('da', { name: request.firstName, staff: firstName, org: options.org });
  return {
    ...request,
    age: ageOf(request.createdAt, options.now),
    language: languageLabel(request.language, options.staffLang),
    phoneText: formatPhone(request.phone),
    deletedOn: formatDate(deletionDate(request.createdAt, options.retentionDays), options.staffLang),
    waiting: isWaiting(request),
    suggestClosing: suggestsClosing(request),
    message: { ...message, danish: danish.text, font: isLang(message.lang) ? getLocale(message.lang).font : 'system' },
    links: {
      call: telHref(request.phone),
      sms: smsHref(request.phone, message.text),
      whatsapp: whatsappHref(request.phone, message.text),
    },
  };
}

export type RequestView = ReturnType<typeof requestView>;
