/**
 * Facts from site.config.ts that content files use as {props.name} (the privacy page's
 * controller, address, phone and retention period), so no MDX file retypes them.
 */
import { siteConfig } from '#site.config.ts';
import { formatPhone } from './contactLinks.ts';

export const contentFacts = {
  /** The data controller: the organisation that runs the project. */
  controller: siteConfig.organisation,
  /** One line: street, postcode and city. */
  address: `${siteConfig.address.street}, ${siteConfig.address.postcode} ${siteConfig.address.city}`,
  /** The project's phone as people read it. */
  phone: formatPhone(siteConfig.phone),
  /** Days before a form submission is deleted. */
  retentionDays: siteConfig.retentionDays,
};
