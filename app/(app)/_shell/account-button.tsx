'use client';

import { User } from 'lucide-react';
import { useTranslations } from 'next-intl';

export type AccountProps = { name: string; email: string; roleLabel: string };

/** The header's account button: the same element before the menu has loaded and as the menu's trigger. */
export function AccountButton({ name, roleLabel, ...props }: Omit<AccountProps, 'email'> & React.ComponentProps<'button'>) {
  const t = useTranslations('accountMenu');
  return (
    // Named by its content: "Account", then the name and role it shows, with spaces between the words.
    <button type="button" className="flex items-center gap-2 rounded-md px-2 py-1 text-sm hover:bg-accent" {...props}>
      <span className="sr-only">{t('account')}</span>{' '}
      <span className="flex size-7 items-center justify-center rounded-full bg-primary/10 text-primary" aria-hidden>
        <User className="size-4" />
      </span>
      <span className="hidden text-left leading-tight md:block">
        <span className="block font-medium">{name}</span>{' '}
        <span className="block text-xs text-muted-foreground">{roleLabel}</span>
      </span>
    </button>
  );
}
