'use client';

import { DropdownMenu } from 'radix-ui';
import { Clock, LogOut, ShieldCheck, User } from 'lucide-react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { signOutAction } from '@/app/(public)/sign-in/actions';

export function UserMenu({ name, email, roleLabel }: { name: string; email: string; roleLabel: string }) {
  const t = useTranslations('auth');
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger asChild>
        {/* Named by its content: "Account", then the name and role it shows, with spaces between the words. */}
        <button type="button" className="flex items-center gap-2 rounded-md px-2 py-1 text-sm hover:bg-accent">
          <span className="sr-only">{t('account')}</span>{' '}
          <span className="flex size-7 items-center justify-center rounded-full bg-primary/10 text-primary" aria-hidden>
            <User className="size-4" />
          </span>
          <span className="hidden text-left leading-tight md:block">
            <span className="block font-medium">{name}</span>{' '}
            <span className="block text-xs text-muted-foreground">{roleLabel}</span>
          </span>
        </button>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={6} className="z-50 min-w-52 rounded-md border bg-popover p-1 text-popover-foreground shadow-md">
          <DropdownMenu.Label className="px-2 py-1.5 text-xs text-muted-foreground">{email}</DropdownMenu.Label>
          <DropdownMenu.Separator className="my-1 h-px bg-border" />
          <DropdownMenu.Item asChild className="flex cursor-pointer items-center gap-2 rounded-sm px-2 py-1.5 text-sm outline-none data-[highlighted]:bg-accent">
            <Link href="/account/security">
              <ShieldCheck className="size-4" />
              {t('security')}
            </Link>
          </DropdownMenu.Item>
          <DropdownMenu.Item asChild className="flex cursor-pointer items-center gap-2 rounded-sm px-2 py-1.5 text-sm outline-none data-[highlighted]:bg-accent">
            <Link href="/account/time-zone">
              <Clock className="size-4" />
              {t('timeZoneMenu')}
            </Link>
          </DropdownMenu.Item>
          <DropdownMenu.Item
            className="flex cursor-pointer items-center gap-2 rounded-sm px-2 py-1.5 text-sm outline-none data-[highlighted]:bg-accent"
            onSelect={() => {
              void signOutAction();
            }}
          >
            <LogOut className="size-4" />
            {t('signOut')}
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
