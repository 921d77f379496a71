import type { UIKey } from '#src/i18n/translate.ts';

export interface NavItem {
  /** The UI string for the link text. */
  key: UIKey;
  /** Path after /<lang>/ ('' is the home page). */
  path: string;
}

/** The main menu, in order. Features add their page here. */
export const navItems: NavItem[] = [
  { key: 'nav.home', path: '' },
  { key: 'nav.activities', path: 'activities/' },
  { key: 'nav.meetings', path: 'meetings/' },
  { key: 'nav.staff', path: 'staff/' },
  { key: 'nav.interest', path: 'interest/' },
  { key: 'nav.search', path: 'search/' },
];
