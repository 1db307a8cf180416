'use client';

import { X } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { usePathname } from 'next/navigation';
import { Dialog } from 'radix-ui';
import { useState } from 'react';
import type { ShownNavItem, ShownParkNav } from './nav-icons';
import { MenuButton } from './menu-button';
import { Sidebar } from './sidebar';

/** The open navigation sheet (radix-ui Dialog), loaded by ./mobile-nav.tsx when the reader first opens it. */
export function MobileNavSheet({ parks, global }: { parks: ShownParkNav[]; global: ShownNavItem[] }) {
  const t = useTranslations('nav');
  const pathname = usePathname();
  const [open, setOpen] = useState(true);
  // A link followed from the sheet closes it.
  const [shownFor, setShownFor] = useState(pathname);
  if (shownFor !== pathname) {
    setShownFor(pathname);
    setOpen(false);
  }
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>
        <MenuButton />
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/40 md:hidden" />
        <Dialog.Content className="fixed inset-y-0 left-0 z-50 w-72 max-w-[85vw] overflow-y-auto border-r bg-sidebar shadow-lg focus:outline-none md:hidden">
          <div className="flex items-center justify-between border-b px-3 py-2">
            <Dialog.Title className="text-sm font-semibold">{t('main')}</Dialog.Title>
            <Dialog.Close asChild>
              <button type="button" className="inline-flex size-9 items-center justify-center rounded-md hover:bg-accent" aria-label={t('closeMenu')}>
                <X className="size-4" />
              </button>
            </Dialog.Close>
          </div>
          <Dialog.Description className="sr-only">{t('main')}</Dialog.Description>
          <Sidebar parks={parks} global={global} />
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
