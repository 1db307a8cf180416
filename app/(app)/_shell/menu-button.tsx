'use client';

import { Menu } from 'lucide-react';
import { useTranslations } from 'next-intl';

/** The header's menu button on a phone: the same element before the sheet has loaded and as its trigger. */
export function MenuButton(props: React.ComponentProps<'button'>) {
  const t = useTranslations('nav');
  return (
    <button type="button" className="inline-flex size-9 items-center justify-center rounded-md hover:bg-accent md:hidden" aria-label={t('openMenu')} {...props}>
      <Menu className="size-5" />
    </button>
  );
}
