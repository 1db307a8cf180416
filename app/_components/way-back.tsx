'use client';

import { usePathname } from 'next/navigation';
import { buttonVariants } from './ui/button-variants';

/** The section above `path` (`/p/kuzbass/applications/<id>` → `/p/kuzbass/applications`); none above a park or the top. */
export function sectionAbove(path: string): string | null {
  const parts = path.split('/').filter(Boolean);
  const up = `/${parts.slice(0, -1).join('/')}`;
  return up === '/' || up === '/p' ? null : up;
}

/**
 * The way on from a 404 or an error page: up to the section the address belongs to, and home.
 * Labels and icons come from the caller (drawn on the server for the 404), so this ships no icon code.
 * Plain links on purpose: these views are in every page's first load (as its boundaries), and a full
 * load from them costs nothing worth next/link's client code.
 */
export function WayBack({ up, home }: { up: React.ReactNode; home: React.ReactNode }) {
  const above = sectionAbove(usePathname() ?? '/');
  return (
    <div className="flex flex-wrap justify-center gap-2">
      {above && (
        <a className={buttonVariants({ variant: 'outline' })} href={above}>
          {up}
        </a>
      )}
      {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
      <a className={buttonVariants()} href="/">
        {home}
      </a>
    </div>
  );
}
