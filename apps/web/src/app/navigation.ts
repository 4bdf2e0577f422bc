import type { Action } from '@essaim/core';
import type { IconName } from '../components/icons';

export type NavSection =
  | 'home'
  | 'engagements'
  | 'people'
  | 'methods'
  | 'workshops'
  | 'conversations'
  | 'competencies'
  | 'pollination'
  | 'organisation'
  | 'audit';

export interface NavItem {
  section: NavSection;
  path: string;
  icon: IconName;
  /** Shown only when the role in the current organisation may do this (the server still enforces). */
  requires?: Action;
}

/** Main sections, in navbar order; labels come from `nav.<section>`. */
export const NAV_ITEMS: readonly NavItem[] = [
  { section: 'home', path: '/', icon: 'home' },
  { section: 'engagements', path: '/engagements', icon: 'route' },
  { section: 'people', path: '/people', icon: 'users', requires: 'collective.read' },
  { section: 'methods', path: '/methods', icon: 'book' },
  { section: 'workshops', path: '/workshops', icon: 'presentation' },
  { section: 'conversations', path: '/conversations', icon: 'usersGroup', requires: 'workshop.read' },
  { section: 'competencies', path: '/competencies', icon: 'compass' },
  { section: 'pollination', path: '/pollination', icon: 'link' },
  { section: 'organisation', path: '/organisation', icon: 'building' },
  { section: 'audit', path: '/audit', icon: 'history', requires: 'audit.read' },
];
