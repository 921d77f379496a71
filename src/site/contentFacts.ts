/**
 * Facts from site.config.ts that content files use as {props.name} (the privacy page's
 * controller, address, phone and retention period, the job centre's page), so no MDX file
 * retypes them. Numbers come in the page language's digits.
 */
import { siteConfig } from '#site.config.ts';
import { formatPhone } from './contactLinks.ts';
import { localDigits } from '#src/i18n/localDigits.ts';
import type { Lang } from '#src/i18n/locales.ts';

/** The facts for a page in `lang`. */
export function contentFacts(lang: Lang) {
  return {
    /** The data controller: the organisation that runs the project. */
    controller: siteConfig.organisation,
    /** One line: street, postcode and city (as on the door: Danish, Western digits). */
    address: `${siteConfig.address.street}, ${siteConfig.address.postcode} ${siteConfig.address.city}`,
    /** The project's phone as people read it, in the page's digits. */
    phone: localDigits(formatPhone(siteConfig.phone), lang),
    /** Days before a form submission is deleted. */
    retentionDays: localDigits(siteConfig.retentionDays, lang),
    /** The official page about the job centre's offers (a link, never embedded). */
    jobCentreUrl: siteConfig.jobCentre.url,
    /** That page's name, as its link text. */
    jobCentreName: siteConfig.jobCentre.name,
    /** Working days within which staff call her back. */
    callbackDays: localDigits(siteConfig.callbackWithinWorkingDays, lang),
    /** The site's short address, for printed sheets. */
    siteUrl: siteConfig.shortUrl,
  };
}
