import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/app/_components/ui/card';
import { ConfirmSignUpForm } from './confirm-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth');
  return { title: t('confirmTitle') };
}

/** Where the sign-up e-mail's link leads: a button, so that a mail scanner opening the link creates nothing. */
export default async function ConfirmSignUpPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  const t = await getTranslations('auth');
  return (
    <Card className="w-full max-w-md">
      <CardHeader>
        <CardTitle className="text-xl">{t('confirmTitle')}</CardTitle>
        <CardDescription>{t('confirmHint')}</CardDescription>
      </CardHeader>
      <CardContent>
        <ConfirmSignUpForm token={typeof token === 'string' ? token : ''} />
      </CardContent>
    </Card>
  );
}
