'use client';

import { useState } from 'react';
import { MenuButton } from './menu-button';
import type { MobileNavSheet } from './mobile-nav-sheet';
import type { ShownNavItem, ShownParkNav } from './nav-icons';

const loadSheet = () => import('./mobile-nav-sheet');

/**
 * Below the md breakpoint the sidebar is hidden; this button opens the same navigation as a sheet.
 * The sheet (a radix-ui dialog) is loaded when the reader first opens it, not with every page.
 */
export function MobileNav(nav: { parks: ShownParkNav[]; global: ShownNavItem[] }) {
  const [Sheet, setSheet] = useState<typeof MobileNavSheet | null>(null);
  if (Sheet) return <Sheet {...nav} />;
  const preload = () => void loadSheet();
  return (
    <MenuButton
      aria-haspopup="dialog"
      aria-expanded={false}
      onPointerEnter={preload}
      onFocus={preload}
      onClick={() => void loadSheet().then((m) => setSheet(() => m.MobileNavSheet))}
    />
  );
}
