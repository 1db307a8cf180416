import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Building2 } from 'lucide-react';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/app/_components/ui/card';
import { getActor } from '@/app/_server/session';
import { isDemoMode } from '@/db/config';
import { safeCallbackPath } from '@/lib/auth/callback-path';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@/lib/demo/accounts';
import { SignInForm } from './sign-in-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth');
  return { title: t('signIn') };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  // The page the proxy sent the visitor here from: only a path on this site.
  const next = safeCallbackPath((await searchParams).callbackUrl) ?? '/';
  if (await getActor()) redirect(next);
  const t = await getTranslations('auth');
  const tc = await getTranslations('common');
  const demo = isDemoMode();
  return (
    <div className="w-full max-w-md space-y-6">
      <div className="flex items-center justify-center gap-2 text-lg font-semibold">
        <Building2 className="size-6 text-primary" aria-hidden />
        {tc('appName')}
      </div>
      <Card>
        <CardHeader>
          <CardTitle className="text-xl">{t('signInTitle')}</CardTitle>
          <CardDescription>{t('signInSubtitle')}</CardDescription>
        </CardHeader>
        <CardContent className="space-y-4">
          <SignInForm next={next} />
          <p className="text-center text-sm text-muted-foreground">
            {t('noAccount')}{' '}
            <Link href="/sign-up" className="font-medium text-primary hover:underline">
              {t('signUpLink')}
            </Link>
          </p>
        </CardContent>
      </Card>
      {demo && (
        <Card role="region" aria-labelledby="demo-accounts">
          <CardHeader>
            <CardTitle id="demo-accounts" className="text-base">
              {t('demoTitle')}
            </CardTitle>
            <CardDescription>{t('demoHint', { password: DEMO_PASSWORD })}</CardDescription>
          </CardHeader>
          <CardContent>
            <ul className="divide-y text-sm">
              {DEMO_ACCOUNTS.map((a) => (
                <li key={a.email} className="flex items-center justify-between gap-3 py-1.5">
                  <span className="text-muted-foreground">{t(`demoRole.${a.demoRole}`)}</span>
                  <code className="rounded bg-muted px-1.5 py-0.5 text-xs">{a.email}</code>
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>
      )}
    </div>
  );
}
