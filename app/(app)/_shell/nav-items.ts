import type { Actor } from '@/lib/auth/actor';
import { can, type Permission } from '@/lib/auth/permissions';

/** Icons are named here and drawn on the server (nav-icons.tsx). */
export type NavIcon =
  | 'home'
  | 'inbox'
  | 'gavel'
  | 'clipboard'
  | 'building'
  | 'users'
  | 'percent'
  | 'chart'
  | 'wallet'
  | 'target'
  | 'settings'
  | 'compare'
  | 'shield'
  | 'upload'
  | 'mail'
  | 'file'
  | 'briefcase';

export type NavItem = { href: string; label: string; icon: NavIcon };
export type ParkNav = { slug: string; name: string; items: NavItem[] };

/** Park sections, each shown when the actor's role in that park allows its permission. */
const PARK_SECTIONS: { path: string; label: string; icon: NavIcon; permission: Permission }[] = [
  { path: '', label: 'dashboard', icon: 'home', permission: 'application.readPark' },
  { path: '/applications', label: 'applications', icon: 'inbox', permission: 'application.readPark' },
  { path: '/reviews', label: 'reviews', icon: 'clipboard', permission: 'review.submit' },
  { path: '/meetings', label: 'meetings', icon: 'gavel', permission: 'council.vote' },
  { path: '/council', label: 'council', icon: 'gavel', permission: 'council.meet' },
  { path: '/residents', label: 'residents', icon: 'briefcase', permission: 'resident.read' },
  { path: '/premises', label: 'premises', icon: 'building', permission: 'premises.manage' },
  { path: '/services', label: 'services', icon: 'clipboard', permission: 'serviceRequest.read' },
  { path: '/incentives', label: 'incentives', icon: 'percent', permission: 'incentive.grant' },
  { path: '/kpi', label: 'kpi', icon: 'file', permission: 'kpi.review' },
  { path: '/budget', label: 'budget', icon: 'wallet', permission: 'budget.manage' },
  { path: '/programmes', label: 'programmes', icon: 'target', permission: 'report.read' },
  { path: '/reports', label: 'reports', icon: 'chart', permission: 'report.read' },
  { path: '/settings', label: 'settings', icon: 'settings', permission: 'park.update' },
];

export function parkNav(actor: Actor, parks: { id: string; slug: string; name: string }[]): ParkNav[] {
  return parks.map((park) => ({
    slug: park.slug,
    name: park.name,
    items: PARK_SECTIONS.filter((s) => can(actor, s.permission, park.id)).map((s) => ({
      href: `/p/${park.slug}${s.path}`,
      label: s.label,
      icon: s.icon,
    })),
  }));
}

/** Sections outside any one park. */
export function globalNav(actor: Actor): NavItem[] {
  const items: NavItem[] = [];
  if (actor.type === 'user' && actor.kind === 'applicant') {
    items.push({ href: '/my', label: 'myHome', icon: 'home' });
    items.push({ href: '/my/companies', label: 'myCompanies', icon: 'briefcase' });
    items.push({ href: '/my/applications', label: 'myApplications', icon: 'inbox' });
    items.push({ href: '/my/kpi', label: 'myKpi', icon: 'file' });
    items.push({ href: '/my/services', label: 'myServices', icon: 'clipboard' });
  }
  if (can(actor, 'report.compare') && !(actor.type === 'user' && actor.kind === 'admin')) items.push({ href: '/compare', label: 'compare', icon: 'compare' });
  if (can(actor, 'user.manage')) {
    items.push({ href: '/admin', label: 'adminHome', icon: 'shield' });
    items.push({ href: '/admin/parks', label: 'adminParks', icon: 'building' });
    items.push({ href: '/admin/users', label: 'adminUsers', icon: 'users' });
    items.push({ href: '/admin/import', label: 'adminImport', icon: 'upload' });
    items.push({ href: '/admin/audit', label: 'adminAudit', icon: 'file' });
    items.push({ href: '/admin/outbox', label: 'adminOutbox', icon: 'mail' });
    items.push({ href: '/compare', label: 'compare', icon: 'compare' });
  }
  return items;
}
