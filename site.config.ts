/**
 * The one file a project changes to make the kit its own (with the content/ folder).
 * Every field is documented in src/site/siteConfigSchema.ts. The values below are a made-up
 * example: the organisation says "Eksempel", the address does not exist, and the numbers start
 * with 00, which no Danish subscriber number does (the numbering plan keeps 0x for prefixes).
 * Set demo: false only when every value is your own.
 */
import { defineSiteConfig } from './src/site/siteConfigSchema.ts';

export const siteConfig = defineSiteConfig({
  demo: true,
  name: 'Åben Dør',
  organisation: 'Eksempel Kommune og Eksempel Boligsocial Helhedsplan (opdigtet)',
  siteUrl: 'https://aabendoer.example.dk',
  shortUrl: 'aabendoer.example.dk',
  phone: '+4500000000',
  sms: '+4500000001',
  whatsapp: '+4500000001',
  channels: { call: true, sms: true, whatsapp: true },
  email: 'aabendoer@example.dk',
  address: { street: 'Eksempelvej 1', postcode: '0000', city: 'Eksempelby' },
  mapUrl: 'https://www.openstreetmap.org/search?query=Eksempelvej%201%2C%20Eksempelby',
  // The national citizens' portal; a project links its own municipality's job centre page.
  jobCentre: { name: 'borger.dk', url: 'https://www.borger.dk/' },
  openingHours: {
    da: 'Mandag–torsdag 9–15. Fredag 9–12.',
    en: 'Monday–Thursday 9–15. Friday 9–12.',
    ar: 'الاثنين–الخميس 9–15. الجمعة 9–12.',
    tr: 'Pazartesi–Perşembe 9–15. Cuma 9–12.',
    ur: 'پیر تا جمعرات 9:00 سے 15:00 تک۔ جمعہ 9:00 سے 12:00 تک۔',
    so: 'Isniin–Khamiis 9–15. Jimce 9–12.',
    fa: 'دوشنبه تا پنجشنبه ۹ تا ۱۵. جمعه ۹ تا ۱۲.',
  },
  // The same hours as numbers (Monday = 1): the forms' callback choices are made from them.
  openingPeriods: [
    { fromDay: 1, toDay: 4, opens: 9, closes: 15 },
    { fromDay: 5, toDay: 5, opens: 9, closes: 12 },
  ],
  callbackWithinWorkingDays: 2,
  // The demo project does home visits, so the form and the about page show them.
  homeVisits: true,
  retentionDays: 180,
  formAction: '/api/interest',
  // Made-up partners for the demo (example.dk addresses, 00 numbers): list your real partners and
  // their own numbers before you go live. Only these may hear back about a referral.
  partners: [
    {
      name: 'Greve Kommune, Sundhedsplejen',
      aliases: ['Sundhedsplejen i Greve', 'Sundhedsplejen Greve'],
      phone: '+4500000010',
      emailDomains: ['greve.example.dk'],
    },
    { name: 'Sprogcenter Greve', aliases: ['Sprogskolen'], phone: '+4500000011', emailDomains: ['sprogcenter-greve.example.dk'] },
    { name: 'Jobcenter Greve', aliases: ['Jobcentret'], phone: '+4500000012', emailDomains: ['greve.example.dk'] },
    {
      name: 'Bydelsmødre Greve Nord',
      aliases: ['Bydelsmødrene i Greve Nord'],
      phone: '+4500000013',
      emails: ['bydelsmoedre.grevenord@example.dk'],
      phones: ['+4500000014'],
    },
  ],
  colours: { primary: '#7a2e5c', accent: '#f4b942' },
  // The staff admin at /admin/ saves to this repository (README: "Connect the admin to your Git host").
  cms: { backend: 'gitlab', repo: 'greve-nord/aaben-doer', branch: 'main', appId: 'replace-with-your-gitlab-application-id' },
});
