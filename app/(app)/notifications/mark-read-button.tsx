'use client';

import { useTranslations } from 'next-intl';
import { useTransition } from 'react';
import { Button } from '@/app/_components/ui/button';
import { markReadAction } from './actions';

export function MarkAllReadButton() {
  const t = useTranslations('common');
  const [pending, start] = useTransition();
  return (
    <Button variant="outline" size="sm" disabled={pending} onClick={() => start(async () => void (await markReadAction({})))}>
      {t('markAllRead')}
    </Button>
  );
}
