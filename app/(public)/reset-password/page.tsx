import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Alert, AlertDescription } from '@/app/_components/ui/alert';
import { ButtonLink } from '@/app/_components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/app/_components/ui/card';
import { getDb } from '@/db/client';
import { resetLinkUsable } from '@/lib/users/password-reset';
import { ResetPasswordForm } from './reset-password-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth');
  return { title: t('resetTitle') };
}

/** Where a reset e-mail's link leads. Opening it changes nothing; only setting the password uses the link up. */
export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  const t = await getTranslations('auth');
  const usable = typeof token === 'string' && (await resetLinkUsable(await getDb(), token));
  return (
    <Card className="w-full max-w-md">
      <CardHeader>
        <CardTitle className="text-xl">{t('resetTitle')}</CardTitle>
        <CardDescription>{t('resetHint')}</CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        {usable ? (
          <ResetPasswordForm token={token} />
        ) : (
          <>
            <Alert variant="destructive">
              <AlertDescription>{t('resetLinkInvalid')}</AlertDescription>
            </Alert>
            <ButtonLink href="/forgot-password" variant="outline" className="w-full">
              {t('askNewLink')}
            </ButtonLink>
          </>
        )}
      </CardContent>
    </Card>
  );
}
