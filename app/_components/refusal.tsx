'use client';

import { CornerLeftUp, House } from 'lucide-react';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect } from 'react';
import { buttonVariants } from './ui/button-variants';

/*
 * What a reader sees instead of a page: the 404 (a missing record and a refused one look the same, as
 * in the API: docs/api.md, "Errors") and the error page. Both render inside the layout around them, so a signed-in reader keeps
 * the shell, and both offer a way on: up to the section the address belongs to, and home. They are
 * in every page's first load (as its boundaries), so they use plain links and buttons: a full load
 * from a 404 or an error page costs nothing worth next/link's client code.
 */

/** The section above `path` (`/p/kuzbass/applications/<id>` → `/p/kuzbass/applications`); none above a park or the top. */
export function sectionAbove(path: string): string | null {
  const parts = path.split('/').filter(Boolean);
  const up = `/${parts.slice(0, -1).join('/')}`;
  return up === '/' || up === '/p' ? null : up;
}

function WayBack({ up }: { up: string | null }) {
  const t = useTranslations('common');
  return (
    <div className="flex flex-wrap justify-center gap-2">
      {up && (
        <a className={buttonVariants({ variant: 'outline' })} href={up}>
          <CornerLeftUp aria-hidden />
          {t('upOneLevel')}
        </a>
      )}
      {/* A plain link on purpose: see above. */}
      {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
      <a className={buttonVariants()} href="/">
        <House aria-hidden />
        {t('home')}
      </a>
    </div>
  );
}

function Frame({ code, title, children }: { code?: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby="refusal-title" className="mx-auto max-w-xl space-y-4 py-12 text-center">
      <h1 id="refusal-title" className="text-2xl font-semibold tracking-tight">
        {code && <span className="block text-5xl font-bold tabular-nums text-muted-foreground">{code} </span>}
        {title}
      </h1>
      {children}
    </section>
  );
}

export function NotFoundView() {
  const t = useTranslations('common');
  const pathname = usePathname();
  return (
    <Frame code="404" title={t('notFoundTitle')}>
      <p className="text-muted-foreground">{t('notFoundText')}</p>
      <WayBack up={sectionAbove(pathname ?? '/')} />
    </Frame>
  );
}

export function ErrorView({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('common');
  const pathname = usePathname();
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <Frame title={t('errorTitle')}>
      <p className="text-muted-foreground">{t('errorText')}</p>
      {error.digest && <p className="text-xs text-muted-foreground">{t('errorReference', { digest: error.digest })}</p>}
      <div className="flex justify-center">
        <button type="button" className={buttonVariants({ variant: 'outline' })} onClick={reset}>
          {t('tryAgain')}
        </button>
      </div>
      <WayBack up={sectionAbove(pathname ?? '/')} />
    </Frame>
  );
}
