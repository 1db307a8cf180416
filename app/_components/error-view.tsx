'use client';

import { useTranslations } from 'next-intl';
import { useEffect } from 'react';
import { RefusalFrame } from './refusal-frame';
import { buttonVariants } from './ui/button-variants';
import { WayBack, type WayBackIcons } from './way-back';

/** An unexpected failure (an error boundary's view): said in the reader's language, with a retry and the way on. */
export function ErrorView({ error, reset, icons }: { error: Error & { digest?: string }; reset: () => void; icons?: WayBackIcons }) {
  const t = useTranslations('common');
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <RefusalFrame title={t('errorTitle')}>
      <p className="text-muted-foreground">{t('errorText')}</p>
      {error.digest && <p className="text-xs text-muted-foreground">{t('errorReference', { digest: error.digest })}</p>}
      <div className="flex justify-center">
        <button type="button" className={buttonVariants({ variant: 'outline' })} onClick={reset}>
          {t('tryAgain')}
        </button>
      </div>
      <WayBack up={t('upOneLevel')} home={t('home')} icons={icons} />
    </RefusalFrame>
  );
}
