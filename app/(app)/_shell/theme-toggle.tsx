'use client';

import { Monitor, Moon, Sun } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useTheme } from 'next-themes';
import { useSyncExternalStore } from 'react';
import { Button } from '@/app/_components/ui/button';

const ORDER = ['system', 'light', 'dark'] as const;

/** Follows the system by default; a click cycles system → light → dark. */
export function ThemeToggle() {
  const t = useTranslations('common');
  const { theme, setTheme } = useTheme();
  // The stored theme is known only in the browser; render the neutral icon on the server.
  const mounted = useSyncExternalStore(
    () => () => {},
    () => true,
    () => false,
  );
  const current = (mounted ? theme : 'system') as (typeof ORDER)[number];
  const Icon = current === 'dark' ? Moon : current === 'light' ? Sun : Monitor;
  const next = ORDER[(ORDER.indexOf(current) + 1) % ORDER.length];
  return (
    <Button variant="ghost" size="icon" className="hidden sm:inline-flex" aria-label={t('theme', { theme: t(`themes.${current}`) })} title={t('theme', { theme: t(`themes.${current}`) })} onClick={() => setTheme(next)}>
      <Icon />
    </Button>
  );
}
