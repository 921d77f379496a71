/**
 * The one file a project changes to make the kit its own (with the content/ folder).
 * Every field is documented in src/config/siteConfigSchema.ts. The demo values are examples.
 */
import { defineSiteConfig } from './src/config/siteConfigSchema.ts';

export const siteConfig = defineSiteConfig({
  name: 'Åben Dør',
  organisation: 'Greve Nord Projektet (boligsocial helhedsplan) og Greve Kommune',
  siteUrl: 'https://aabendoer.example.dk',
  shortUrl: 'aabendoer.example.dk',
  phone: '+4543970000',
  sms: '+4522334455',
  whatsapp: '+4522334455',
  channels: { call: true, sms: true, whatsapp: true },
  email: 'aabendoer@example.dk',
  address: { street: 'Askerød 16', postcode: '2670', city: 'Greve' },
  mapUrl: 'https://www.openstreetmap.org/search?query=Asker%C3%B8d%2016%2C%202670%20Greve',
  openingHours: {
    da: 'Mandag–torsdag 9–15. Fredag 9–12.',
    en: 'Monday–Thursday 9–15. Friday 9–12.',
    ar: 'الاثنين–الخميس ٩–١٥. الجمعة ٩–١٢.',
    tr: 'Pazartesi–Perşembe 9–15. Cuma 9–12.',
    ur: 'پیر تا جمعرات ۹ سے ۱۵ بجے تک۔ جمعہ ۹ سے ۱۲ بجے تک۔',
    so: 'Isniin–Khamiis 9–15. Jimce 9–12.',
    fa: 'دوشنبه تا پنجشنبه ۹ تا ۱۵. جمعه ۹ تا ۱۲.',
  },
  retentionDays: 180,
  formAction: '/api/interest',
  colours: { primary: '#7a2e5c', accent: '#f4b942' },
  // The staff admin at /admin/ saves to this repository (README: "Connect the admin to your Git host").
  cms: { backend: 'gitlab', repo: 'greve-nord/aaben-doer', branch: 'main', appId: 'replace-with-your-gitlab-application-id' },
});
