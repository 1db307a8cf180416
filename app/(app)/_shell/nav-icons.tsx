import {
  BarChart3,
  Briefcase,
  Building,
  ClipboardCheck,
  FileText,
  Gavel,
  GitCompare,
  Home,
  Inbox,
  Mail,
  Percent,
  Settings,
  Shield,
  Target,
  Upload,
  Users,
  Wallet,
} from 'lucide-react';
import type { NavIcon, NavItem, ParkNav } from './nav-items';

const ICONS: Record<NavIcon, React.ComponentType<{ className?: string }>> = {
  home: Home,
  inbox: Inbox,
  gavel: Gavel,
  clipboard: ClipboardCheck,
  building: Building,
  users: Users,
  percent: Percent,
  chart: BarChart3,
  wallet: Wallet,
  target: Target,
  settings: Settings,
  compare: GitCompare,
  shield: Shield,
  upload: Upload,
  mail: Mail,
  file: FileText,
  briefcase: Briefcase,
};

export type ShownNavItem = Omit<NavItem, 'icon'> & { icon: React.ReactNode };
export type ShownParkNav = Omit<ParkNav, 'items'> & { items: ShownNavItem[] };

const shown = (item: NavItem): ShownNavItem => {
  const Icon = ICONS[item.icon];
  return { ...item, icon: <Icon className="size-4" /> };
};

/**
 * The navigation with its icons drawn on the server: the client sidebar gets them as elements,
 * not the icon components of every menu.
 */
export function withIcons(nav: { parks: ParkNav[]; global: NavItem[] }): { parks: ShownParkNav[]; global: ShownNavItem[] } {
  return { parks: nav.parks.map((p) => ({ ...p, items: p.items.map(shown) })), global: nav.global.map(shown) };
}
