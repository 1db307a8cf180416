'use client';

import { DropdownMenu } from 'radix-ui';
import { Check, Clock, LogOut, ShieldCheck, User } from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { useTransition } from 'react';
import { signOutAction } from '@/app/(public)/sign-in/actions';
import { setLocaleAction } from '@/app/_server/locale-actions';
import { locales } from '@/lib/i18n/locales';

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
          <LanguageChoice />
          {[
            { href: '/account/security', Icon: ShieldCheck, label: t('security') },
            { href: '/account/time-zone', Icon: Clock, label: t('timeZoneMenu') },
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
