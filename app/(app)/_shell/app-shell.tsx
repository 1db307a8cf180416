import { Bell, Building2 } from 'lucide-react';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { countUnread } from '@/lib/notifications/notifications';
import { listParks } from '@/lib/parks/parks';
import { MobileNav } from './mobile-nav';
import { withIcons } from './nav-icons';
import { globalNav, parkNav } from './nav-items';
import { ParkSwitcher } from './park-switcher';
import { Sidebar } from './sidebar';
import { ThemeToggle } from './theme-toggle';
import { UserMenu } from './user-menu';

/**
 * The signed-in frame: header (parks, notifications, theme, and the account menu with the language) and the navigation.
 * The (app) layout puts every page in it, and the root not-found page a signed-in reader's 404.
 */
export async function AppShell({ actor, children }: { actor: Extract<Actor, { type: 'user' }>; children: React.ReactNode }) {
  const db = await getDb();
  const [parks, unread] = await Promise.all([
    actor.kind === 'applicant' ? Promise.resolve([]) : listParks(db, { actor }),
    countUnread(db, { actor }),
  ]);
  const t = await getTranslations('common');
  const tr = await getTranslations('roles');
  const roles = actor.kind === 'staff' ? [...new Set(actor.memberships.map((m) => m.role))] : [actor.kind];
  const roleLabel = roles.map((r) => tr(r)).join(', ');
  const nav = withIcons({ parks: parkNav(actor, parks), global: globalNav(actor) });
  return (
    <div className="flex min-h-screen flex-col">
      <header className="no-print sticky top-0 z-30 flex h-14 items-center gap-2 border-b bg-background/95 px-2 backdrop-blur sm:gap-3 sm:px-4">
        <MobileNav {...nav} />
        <Link href="/" className="flex items-center gap-2 font-semibold" aria-label={t('appName')}>
          <Building2 className="size-5 text-primary" aria-hidden />
          <span className="hidden sm:inline">{t('appName')}</span>
        </Link>
        <ParkSwitcher parks={parks.map(({ slug, name }) => ({ slug, name }))} />
        <div className="ml-auto flex shrink-0 items-center gap-1">
          <Link
            href="/notifications"
            className="relative inline-flex size-9 items-center justify-center rounded-md hover:bg-accent"
            aria-label={t('notificationsUnread', { count: unread })}
          >
            <Bell className="size-4" />
            {unread > 0 && (
              <span className="absolute -right-0.5 -top-0.5 min-w-4 rounded-full bg-destructive px-1 text-center text-[10px] font-semibold leading-4 text-white" aria-hidden>
                {unread > 99 ? '99+' : unread}
              </span>
            )}
          </Link>
          <ThemeToggle />
          <UserMenu name={actor.name} email={actor.email} roleLabel={roleLabel} />
        </div>
      </header>
      <div className="flex flex-1">
        <aside className="no-print hidden w-60 shrink-0 border-r bg-sidebar md:block">
          <Sidebar {...nav} />
        </aside>
        <main className="min-w-0 flex-1 px-4 py-6 md:px-8">{children}</main>
      </div>
    </div>
  );
}
