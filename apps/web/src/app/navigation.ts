import type { IconName } from '../components/icons';

export type NavSection = 'home' | 'engagements' | 'methods' | 'workshops' | 'organisation';

export interface NavItem {
  section: NavSection;
  path: string;
  icon: IconName;
}

/** Main sections, in navbar order; labels come from `nav.<section>`. */
export const NAV_ITEMS: readonly NavItem[] = [
  { section: 'home', path: '/', icon: 'home' },
  { section: 'engagements', path: '/engagements', icon: 'route' },
  { section: 'methods', path: '/methods', icon: 'book' },
  { section: 'workshops', path: '/workshops', icon: 'presentation' },
  { section: 'organisation', path: '/organisation', icon: 'building' },
];
