/**
 * The ready message staff send her by SMS or WhatsApp, in HER language, with its Danish meaning
 * shown beside it, so a worker who cannot write Arabic can still write to her in Arabic.
 * Translation status: every language but Danish is MACHINE-TRANSLATED (made without a native
 * speaker, from the Danish source below); have a speaker review it before relying on it.
 */
import { getLocale, type Lang } from '#src/i18n/locales.ts';

export interface MessageTemplate {
  /** The message, with {{name}} (hers), {{staff}} (the worker's first name) and {{org}}. */
  text: string;
  /** 'source' for Danish; 'machine' for translations nobody has reviewed yet. */
  translation: 'source' | 'machine' | 'reviewed';
}

export const messageTemplates: Record<Lang, MessageTemplate> = {
  da: {
    text: 'Hej {{name}}. Det er {{staff}} fra {{org}}. Du bad os ringe til dig. Hvornår passer det dig, at vi taler sammen?',
    translation: 'source',
  },
  en: {
    text: 'Hello {{name}}, this is {{staff}} from {{org}}. You asked us to call you. When is a good time for you to talk?',
    translation: 'machine',
  },
  ar: {
    text: 'مرحبًا {{name}}، أنا {{staff}} من {{org}}. طلبتِ منا أن نتصل بكِ. متى يناسبكِ أن نتحدث؟',
    translation: 'machine',
  },
  tr: {
    text: 'Merhaba {{name}}, ben {{org}} kurumundan {{staff}}. Sizi aramamızı istediniz. Konuşmak için size ne zaman uygun?',
    translation: 'machine',
  },
  ur: {
    text: 'السلام علیکم {{name}}، میں {{org}} سے {{staff}} ہوں۔ آپ نے ہمیں فون کرنے کو کہا تھا۔ آپ کے لیے بات کرنے کا کون سا وقت ٹھیک ہے؟',
    translation: 'machine',
  },
  so: {
    text: 'Salaan {{name}}, waxaan ahay {{staff}} oo ka socda {{org}}. Waxaad na weydiisay inaan ku soo wacno. Goorma ayay kugu habboon tahay inaan wada hadalno?',
    translation: 'machine',
  },
  fa: {
    text: 'سلام {{name}}، من {{staff}} از {{org}} هستم. از ما خواستید با شما تماس بگیریم. چه زمانی برای صحبت کردن برایتان مناسب است؟',
    translation: 'machine',
  },
};

/**
 * `text` with each {{key}} replaced by its value. In a right-to-left language (locales.ts → dir)
 * each value is bidi-isolated (U+2068 … U+2069), so a Latin name, address or link stays in one
 * piece and in its place on her phone too.
 */
export function fillTemplate(text: string, lang: Lang, values: Record<string, string>): string {
  const isolate = getLocale(lang).dir === 'rtl';
  return text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => (isolate ? `\u2068${values[key]}\u2069` : values[key]!));
}

/** The message for her language (Danish when the language has none), filled in (fillTemplate). */
export function readyMessage(lang: string, vars: { name: string; staff: string; org: string }): { lang: Lang; text: string } {
  const own = (messageTemplates as Record<string, MessageTemplate | undefined>)[lang];
  const chosen = (own ? lang : 'da') as Lang;
  return { lang: chosen, text: fillTemplate((own ?? messageTemplates.da).text, chosen, vars) };
}
