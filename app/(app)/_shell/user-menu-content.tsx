'use client';

import { DropdownMenu } from 'radix-ui';
import { Check, Clock, LogOut, ShieldCheck } from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { useTransition } from 'react';
import { signOutAction } from '@/app/(public)/sign-in/actions';
import { setLocaleAction } from '@/app/_server/locale-actions';
import { locales } from '@/lib/i18n/locales';
import { AccountButton, type AccountProps } from './account-button';

const ITEM = 'flex cursor-pointer items-center gap-2 rounded-sm px-2 py-1.5 text-sm outline-none data-[highlighted]:bg-accent';

/** The person's language, kept with their account (so every device shows it): one of the account menu's choices. */
function LanguageChoice() {
  const locale = useLocale();
  const t = useTranslations('common');
  const router = useRouter();
  const [, start] = useTransition();
  return (
    <>
      <DropdownMenu.Label className="px-2 pb-1 pt-1.5 text-xs text-muted-foreground">{t('language')}</DropdownMenu.Label>
      <DropdownMenu.RadioGroup
        value={locale}
        onValueChange={(next) =>
          start(async () => {
            await setLocaleAction(next);
            router.refresh();
          })
        }
      >
        {locales.map((l) => (
          <DropdownMenu.RadioItem key={l} value={l} lang={l} className={`${ITEM} pl-8 relative`}>
            <DropdownMenu.ItemIndicator className="absolute left-2 inline-flex">
              <Check className="size-4" />
            </DropdownMenu.ItemIndicator>
            {l === 'ru' ? 'Русский' : 'English'}
          </DropdownMenu.RadioItem>
        ))}
      </DropdownMenu.RadioGroup>
      <DropdownMenu.Separator className="my-1 h-px bg-border" />
    </>
  );
}

/** The open account menu (radix-ui), loaded by ./user-menu.tsx when the reader first opens it. */
export function UserMenuContent({ name, email, roleLabel }: AccountProps) {
  const t = useTranslations('accountMenu');
  return (
    <DropdownMenu.Root defaultOpen>
      <DropdownMenu.Trigger asChild>
        <AccountButton name={name} roleLabel={roleLabel} />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={6} className="z-50 min-w-52 rounded-md border bg-popover p-1 text-popover-foreground shadow-md">
          <DropdownMenu.Label className="px-2 py-1.5 text-xs text-muted-foreground">{email}</DropdownMenu.Label>
          <DropdownMenu.Separator className="my-1 h-px bg-border" />
          <LanguageChoice />
          {[
            { href: '/account/security', Icon: ShieldCheck, label: t('security') },
            { href: '/account/time-zone', Icon: Clock, label: t('timeZone') },
          ].map(({ href, Icon, label }) => (
            <DropdownMenu.Item key={href} asChild className={ITEM}>
              <Link href={href}>
                <Icon className="size-4" />
                {label}
              </Link>
            </DropdownMenu.Item>
          ))}
          <DropdownMenu.Item
            className={ITEM}
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
