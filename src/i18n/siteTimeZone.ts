/** Every date on the site is shown in this time zone, whatever the reader's device says. */
export const siteTimeZone = 'Europe/Copenhagen';
