/**
 * The schema of `site.config.ts`: everything a project adopting the kit changes, with defaults.
 * One source for each fact: phone numbers, address, retention are read from here only.
 */
import { z } from 'astro/zod';
import { localizedText, phoneNumber } from '#src/i18n/localizedText.ts';
import { CmsSettingsSchema } from '#src/cms/cmsSettingsSchema.ts';

// Anyone can open an address here: such a domain would verify everybody (list the one address under `emails`).
const freeMailDomains = new Set([
  'gmail.com',
  'googlemail.com',
  'hotmail.com',
  'hotmail.dk',
  'outlook.com',
  'outlook.dk',
  'live.com',
  'live.dk',
  'yahoo.com',
  'yahoo.dk',
  'icloud.com',
  'me.com',
  'mail.dk',
  'jubii.dk',
  'proton.me',
  'protonmail.com',
  'gmx.com',
  'gmx.net',
]);

/**
 * A partner organisation whose referrers staff may answer (src/referral/checkReferrer.ts): a
 * referral's "we have been in touch" goes only to a contact listed here.
 */
export const KnownPartnerSchema = z.object({
  /** The organisation's name, as staff know it (shown on the request). */
  name: z.string().min(1),
  /** Other ways referrers write the name ("Sundhedsplejen i Greve"), so staff are shown the right known number. */
  aliases: z.array(z.string().min(1)).default([]),
  /** The number staff call to check a referral: the organisation's own, from its website or a letter, never one typed in a referral. */
  phone: phoneNumber(),
  /** Domains where every address is the organisation's staff (greve.dk): exact, no sub-domains. Never a free-mail domain. */
  emailDomains: z
    .array(
      z
        .string()
        .regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'a domain in lower case, without @ (e.g. greve.dk)')
        .refine((d) => !freeMailDomains.has(d), 'anyone can get an address there: list the one address under emails instead'),
    )
    .default([]),
  /** Single addresses of the organisation's referrers, for those on a shared or free-mail domain. */
  emails: z.array(z.email().toLowerCase()).default([]),
  /** Work mobile numbers of the organisation's referrers (its `phone` counts too). */
  phones: z.array(phoneNumber()).default([]),
});

export type KnownPartner = z.infer<typeof KnownPartnerSchema>;

export const SiteConfigSchema = z.object({
  /** true for the kit's example site: every page and flyer says so, in her language, and whom to contact instead. */
  demo: z.boolean().default(false),
  /** The project's name, shown in the header and titles. */
  name: z.string().min(1),
  /** The organisation that runs the project (data controller for the form). */
  organisation: z.string().min(1),
  /** The public address of the site, used in canonical URLs, the sitemap and QR codes. */
  siteUrl: z.url(),
  /** The short address printed on flyers' tear-off tabs (no https://). */
  shortUrl: z.string().min(1),
  /** The project's phone for calls. */
  phone: phoneNumber(),
  /** The number that receives SMS (often the same mobile). */
  sms: phoneNumber(),
  /** The WhatsApp number. */
  whatsapp: phoneNumber(),
  /** Which contact channels the site offers. */
  channels: z.object({ call: z.boolean().default(true), sms: z.boolean().default(true), whatsapp: z.boolean().default(true) }),
  /** Contact e-mail for the project (never receives form data). */
  email: z.email(),
  /** Street address of the project's open office. */
  address: z.object({ street: z.string(), postcode: z.string(), city: z.string() }),
  /** A link to a map of the address (opened in the phone's map app; never embedded). */
  mapUrl: z.url(),
  /** The official page on the job centre's offers, linked (never embedded) from the "your options" page. */
  jobCentre: z.object({
    /** The link text: the page's or the job centre's name. */
    name: z.string().min(1),
    /** The page's address. */
    url: z.url(),
  }),
  /**
   * Opening hours in words, per language; Danish is required, the others fall back to Danish.
   * They say what `openingPeriods` says (a unit test compares the hours).
   */
  openingHours: localizedText('opening hours'),
  /** The opening hours as numbers (Copenhagen time): the forms' callback choices are made from them. */
  openingPeriods: z
    .array(
      z
        .object({
          /** First day of the period, 1 = Monday … 7 = Sunday. */
          fromDay: z.number().int().min(1).max(7),
          /** Last day of the period (the same as fromDay for one day). */
          toDay: z.number().int().min(1).max(7),
          /** The hour the office opens, 0–23. */
          opens: z.number().int().min(0).max(23),
          /** The hour it closes, 1–24, after `opens`. */
          closes: z.number().int().min(1).max(24),
        })
        .refine((p) => p.fromDay <= p.toDay && p.opens < p.closes, 'a period runs from fromDay to toDay, and opens before it closes'),
    )
    .min(1),
  /**
   * Staff contact her within this many working days: the thanks page, the consent slip, the letter
   * and the referral form promise it, and the inbox reminds staff of a request that waited longer.
   */
  callbackWithinWorkingDays: z.number().int().positive().default(2),
  /** The project visits women at home (with a role model): the form offers it as a way to be contacted. */
  homeVisits: z.boolean().default(false),
  /** Days a form submission is kept before automatic deletion. */
  retentionDays: z.number().int().positive().default(180),
  /** Where the interest form posts. '/api/interest' is the built-in receiver; an https URL for static hosts. */
  formAction: z.string().default('/api/interest'),
  /** Where the interest form's quick-exit button goes: a neutral site (weather, news). */
  quickExitUrl: z.url().default('https://www.dmi.dk/'),
  /** Brand colours (used by the CSS theme). */
  colours: z.object({ primary: z.string().regex(/^#[0-9a-f]{6}$/i), accent: z.string().regex(/^#[0-9a-f]{6}$/i) }),
  /** The partner organisations whose referrers may hear back; anyone else gets no reply (docs/staff.md, "Verified partners"). */
  partners: z.array(KnownPartnerSchema).default([]),
  /** Where the staff admin (/admin/) saves: your Git host. See README, "Connect the admin to your Git host". */
  cms: CmsSettingsSchema,
});

export type SiteConfig = z.infer<typeof SiteConfigSchema>;

/** Validates the site config and explains exactly which field is wrong. */
export function defineSiteConfig(input: z.input<typeof SiteConfigSchema>): SiteConfig {
  const result = SiteConfigSchema.safeParse(input);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  site.config.ts → ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`site.config.ts is not valid:\n${lines.join('\n')}`);
  }
  return result.data;
}
