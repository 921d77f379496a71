/**
 * The build's clock: what "now" means in the HTML and calendar files. SITE_NOW (an ISO date-time)
 * builds the site as it would be built at that moment: a preview of a coming week for staff, and
 * fixed dates (a clock change, a series' last day) for the calendar's browser tests.
 */
export function buildNow(): Date {
  const fixed = process.env.SITE_NOW;
  if (!fixed) return new Date();
  const date = new Date(fixed);
  if (Number.isNaN(date.getTime())) throw new Error(`SITE_NOW="${fixed}" is not a date and time like 2027-03-15T09:00:00Z`);
  return date;
}
