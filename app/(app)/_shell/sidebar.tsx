'use client';

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
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useParams, usePathname } from 'next/navigation';
import { cn } from '@/app/_components/ui/cn';
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

function NavLink({ item, active }: { item: NavItem; active: boolean }) {
  const t = useTranslations('nav');
  const Icon = ICONS[item.icon];
  return (
    <Link
      href={item.href}
      aria-current={active ? 'page' : undefined}
      className={cn(
        'flex items-center gap-2.5 rounded-md px-2.5 py-1.5 text-sm text-muted-foreground transition-colors hover:bg-accent hover:text-accent-foreground',
        active && 'bg-accent font-medium text-foreground',
      )}
    >
      <Icon className="size-4" />
      {t(item.label)}
    </Link>
  );
}

export function Sidebar({ parks, global }: { parks: ParkNav[]; global: NavItem[] }) {
  const t = useTranslations('nav');
  const pathname = usePathname();
  const params = useParams<{ park?: string }>();
  // Outside a park's pages the park section shows only for people in exactly one park; the switcher picks one.
  const current = parks.find((p) => p.slug === params.park) ?? (parks.length === 1 ? parks[0] : undefined);
  const isActive = (href: string) => pathname === href || (href.split('/').length > 3 && pathname.startsWith(`${href}/`));
  return (
    <nav aria-label={t('main')} className="flex flex-col gap-5 p-3">
      {current && current.items.length > 0 && (
        <div className="space-y-1">
          <p className="px-2.5 pb-1 text-xs font-semibold uppercase tracking-wide text-muted-foreground">{current.name}</p>
          {current.items.map((item) => (
            <NavLink key={item.href} item={item} active={isActive(item.href)} />
          ))}
        </div>
      )}
      {global.length > 0 && (
        <div className="space-y-1">
          {global.map((item) => (
            <NavLink key={item.href} item={item} active={pathname === item.href} />
          ))}
        </div>
      )}
    </nav>
  );
}
