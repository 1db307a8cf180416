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
 * The caller gives the icons, if any: the root boundaries, in every page's first load, show none, so
 * no icon code ships with every page; the signed-in frame's do.
 * Plain links on purpose: these views are in every page's first load (as its boundaries), and a full
 * load from them costs nothing worth next/link's client code.
 */
export type WayBackIcons = { up: React.ReactNode; home: React.ReactNode };

export function WayBack({ up, home, icons }: { up: string; home: string; icons?: WayBackIcons }) {
  const above = sectionAbove(usePathname() ?? '/');
  return (
    <div className="flex flex-wrap justify-center gap-2">
      {above && (
        <a className={buttonVariants({ variant: 'outline' })} href={above}>
          {icons?.up}
          {up}
        </a>
      )}
      {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
      <a className={buttonVariants()} href="/">
        {icons?.home}
        {home}
      </a>
    </div>
  );
}
