'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useParams, usePathname } from 'next/navigation';
import { cn } from '@/app/_components/ui/cn';
import type { ShownNavItem, ShownParkNav } from './nav-icons';


function NavLink({ item, active }: { item: ShownNavItem; active: boolean }) {
  const t = useTranslations('nav');
  return (
    <Link
      href={item.href}
      aria-current={active ? 'page' : undefined}
      className={cn(
        'flex items-center gap-2.5 rounded-md px-2.5 py-1.5 text-sm text-muted-foreground transition-colors hover:bg-accent hover:text-accent-foreground',
        active && 'bg-accent font-medium text-foreground',
      )}
    >
      {item.icon}
      {t(item.label)}
    </Link>
  );
}

/** The navigation; its items' icons come rendered from the server (./nav-icons.tsx), so no lucide code ships for them. */
export function Sidebar({ parks, global }: { parks: ShownParkNav[]; global: ShownNavItem[] }) {
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
