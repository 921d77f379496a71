/**
 * The ready message that invites her to the next information meeting, in HER language, with its
 * Danish meaning beside it (like the "call back" message in ./messageTemplates.ts): date and time
 * in her language, digits and the Gregorian calendar, the place, an OpenStreetMap link, "women
 * only" / "children welcome" as the meeting says, and the interpreter when one is booked for her
 * language. Translation status: every language but Danish is MACHINE-TRANSLATED (made without a
 * native speaker, from the Danish source); have a speaker review it before relying on it.
 */
import type { Lang } from '#src/i18n/locales.ts';
import { isLang } from '#src/i18n/locales.ts';
import { languageName } from '#src/i18n/translate.ts';
import { formatMeetingDate, formatMeetingTimes } from '#src/meetings/formatMeetingDate.ts';
import type { Meeting } from '#src/meetings/meetingSchema.ts';
import { upcomingMeetings, type MeetingEntry } from '#src/meetings/upcomingMeetings.ts';
import { fillTemplate } from './messageTemplates.ts';
import type { Venue } from '#src/meetings/venueSchema.ts';
import { venueAddress, venueMapUrl } from '#src/meetings/venueAddress.ts';

export interface InvitationTemplate {
  /** Greeting and invitation, with {{name}}, {{staff}}, {{org}}, {{date}}, {{time}}, {{place}}, {{address}}. */
  invite: string;
  /** The map link: {{map}}. */
  map: string;
  /** Said when the meeting is for women only. */
  womenOnly: string;
  /** Said when there is childcare. */
  childcare: string;
  /** Said when an interpreter for her language is booked: {{language}}. */
  interpreter: string;
  /** Asks her to answer. */
  reply: string;
  /** 'source' for Danish; 'machine' for translations nobody has reviewed yet. */
  translation: 'source' | 'machine' | 'reviewed';
}

export const invitationTemplates: Record<Lang, InvitationTemplate> = {
  da: {
    invite:
      'Hej {{name}}. Det er {{staff}} fra {{org}}. Vi vil gerne invitere dig til informationsmøde {{date}} kl. {{time}} i {{place}}, {{address}}.',
    map: 'Kort: {{map}}',
    womenOnly: 'Mødet er kun for kvinder.',
    childcare: 'Børn er velkomne: der er børnepasning.',
    interpreter: 'Der er tolk på {{language}}.',
    reply: 'Skriv gerne, om du kommer.',
    translation: 'source',
  },
  en: {
    invite:
      'Hello {{name}}, this is {{staff}} from {{org}}. We would like to invite you to an information meeting on {{date}}, {{time}}, at {{place}}, {{address}}.',
    map: 'Map: {{map}}',
    womenOnly: 'The meeting is for women only.',
    childcare: 'Children are welcome: there is childcare.',
    interpreter: 'There is an interpreter for {{language}}.',
    reply: 'Please write back and tell us if you are coming.',
    translation: 'machine',
  },
  ar: {
    invite:
      'مرحبًا {{name}}، أنا {{staff}} من {{org}}. نودّ أن ندعوكِ إلى لقاء تعريفي يوم {{date}}، الساعة {{time}}، في {{place}}، {{address}}.',
    map: 'الخريطة: {{map}}',
    womenOnly: 'اللقاء للنساء فقط.',
    childcare: 'يمكنكِ إحضار أطفالكِ: يوجد من يعتني بهم أثناء اللقاء.',
    interpreter: 'سيكون هناك مترجم إلى {{language}}.',
    reply: 'أرجو أن تردّي علينا لتخبرينا إن كنتِ ستحضرين.',
    translation: 'machine',
  },
  tr: {
    invite:
      'Merhaba {{name}}, ben {{org}} kurumundan {{staff}}. Sizi {{date}} günü, saat {{time}} arasında {{place}} ({{address}}) adresindeki bilgilendirme toplantısına davet etmek istiyoruz.',
    map: 'Harita: {{map}}',
    womenOnly: 'Toplantı yalnızca kadınlar içindir.',
    childcare: 'Çocuklarınızı getirebilirsiniz: çocuklara bakan biri var.',
    interpreter: '{{language}} tercüman olacak.',
    reply: 'Gelip gelmeyeceğinizi lütfen bize yazın.',
    translation: 'machine',
  },
  ur: {
    invite:
      'السلام علیکم {{name}}، میں {{org}} سے {{staff}} ہوں۔ ہم آپ کو معلوماتی ملاقات میں مدعو کرنا چاہتے ہیں: {{date}}، وقت {{time}}، جگہ {{place}}، {{address}}۔',
    map: 'نقشہ: {{map}}',
    womenOnly: 'یہ ملاقات صرف خواتین کے لیے ہے۔',
    childcare: 'آپ بچوں کو ساتھ لا سکتی ہیں: ان کی دیکھ بھال کا انتظام ہے۔',
    interpreter: '{{language}} کا مترجم موجود ہوگا۔',
    reply: 'براہ کرم ہمیں جواب دیں کہ آپ آئیں گی یا نہیں۔',
    translation: 'machine',
  },
  so: {
    invite:
      'Salaan {{name}}, waxaan ahay {{staff}} oo ka socda {{org}}. Waxaan kugu martiqaadaynaa kulan macluumaad {{date}}, saacadda {{time}}, goobta {{place}}, {{address}}.',
    map: 'Khariidad: {{map}}',
    womenOnly: 'Kulanku waa haweenka oo keliya.',
    childcare: 'Carruurta waad keeni kartaa: waxaa jira qof daryeela.',
    interpreter: 'Waxaa jiri doona turjubaan {{language}} ah.',
    reply: 'Fadlan noo soo jawaab oo noo sheeg haddii aad imanayso.',
    translation: 'machine',
  },
  fa: {
    invite:
      'سلام {{name}}، من {{staff}} از {{org}} هستم. می‌خواهیم شما را به جلسهٔ اطلاع‌رسانی دعوت کنیم: {{date}}، ساعت {{time}}، در {{place}}، {{address}}.',
    map: 'نقشه: {{map}}',
    womenOnly: 'این جلسه فقط برای زنان است.',
    childcare: 'می‌توانید بچه‌ها را هم بیاورید: کسی از آن‌ها نگهداری می‌کند.',
    interpreter: 'مترجم {{language}} حضور دارد.',
    reply: 'لطفاً به ما خبر دهید که می‌آیید یا نه.',
    translation: 'machine',
  },
};

/** The meeting and its venue, as the invitation needs them. */
interface InvitedMeeting {
  /** The meeting's id (its file name without .yaml). */
  id: string;
  meeting: Meeting;
  venue: Venue;
}

/**
 * The next meeting she can follow: not cancelled, not yet begun, and held with an interpreter for
 * her language, or any meeting when she speaks Danish or said she needs no interpreter.
 */
export function nextMeetingFor<M extends MeetingEntry>(
  meetings: readonly M[],
  her: { language: string; interpreter: boolean },
  now: Date,
): M | undefined {
  return upcomingMeetings(meetings, now, { skipCancelled: true }).find(
    (m) =>
      new Date(m.data.start).getTime() > now.getTime() &&
      (her.language === 'da' || !her.interpreter || m.data.interpreters.includes(her.language)),
  );
}

/**
 * The invitation for a woman who speaks `lang`, written in her language (Danish when hers has no
 * template), or in `writtenIn` for the staff's Danish meaning beside it; values filled in as
 * fillTemplate() does (bidi-isolated in right-to-left languages).
 */
export function meetingInvitation(
  lang: string,
  vars: { name: string; staff: string; org: string },
  invited: InvitedMeeting,
  writtenIn: string = lang,
): { lang: Lang; text: string } {
  const chosen: Lang = isLang(writtenIn) ? writtenIn : 'da';
  const template = invitationTemplates[chosen];
  const { meeting, venue } = invited;
  const start = new Date(meeting.start);
  const values: Record<string, string> = {
    ...vars,
    date: formatMeetingDate(start, chosen),
    time: formatMeetingTimes(start, new Date(meeting.end), chosen),
    place: venue.name,
    address: venueAddress(venue),
    map: venueMapUrl(venue),
    language: languageName(lang, chosen),
  };
  const parts = [
    template.invite,
    template.map,
    meeting.womenOnly ? template.womenOnly : '',
    meeting.childcare ? template.childcare : '',
    lang !== 'da' && meeting.interpreters.includes(lang) ? template.interpreter : '',
    template.reply,
  ];
  return {
    lang: chosen,
    text: parts
      .filter(Boolean)
      .map((part) => fillTemplate(part, chosen, values))
      .join(' '),
  };
}
