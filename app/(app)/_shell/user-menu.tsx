'use client';

import { useState } from 'react';
import { AccountButton, type AccountProps } from './account-button';
import type { UserMenuContent } from './user-menu-content';

const loadMenu = () => import('./user-menu-content');

/**
 * The account menu. Its radix-ui menu is loaded when the reader first opens it (a hover or focus
 * starts the load early), so no page carries it before that; then it opens at once.
 */
export function UserMenu(props: AccountProps) {
  const [Menu, setMenu] = useState<typeof UserMenuContent | null>(null);
  if (Menu) return <Menu {...props} />;
  const preload = () => void loadMenu();
  return (
    <AccountButton
      name={props.name}
      roleLabel={props.roleLabel}
      aria-haspopup="menu"
      aria-expanded={false}
      onPointerEnter={preload}
      onFocus={preload}
      onClick={() => void loadMenu().then((m) => setMenu(() => m.UserMenuContent))}
    />
  );
}
