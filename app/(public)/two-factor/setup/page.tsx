import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { SecondFactorSetup } from '@/app/_components/second-factor';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/app/_components/ui/card';
import { requirePerson } from '@/app/_server/session';
import { startTotpEnrolment } from '@/lib/users/second-factor';
import { signOutAction } from '../../sign-in/actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('account');
  return { title: t('setupRequiredTitle') };
}

/** Where a person whose role requires two-factor sign-in lands until they have set it up. */
export default async function RequiredSecondFactorSetup() {
  const person = await requirePerson();
  if (person.type === 'user') redirect('/account/security');
  const [t, ta, enrolment] = await Promise.all([getTranslations('account'), getTranslations('auth'), startTotpEnrolment({ actor: person })]);
  return (
    <Card className="w-full max-w-lg">
      <CardHeader>
        <CardTitle className="text-xl">{t('setupRequiredTitle')}</CardTitle>
        <CardDescription>{t('setupRequiredHint', { email: person.email })}</CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        <SecondFactorSetup enrolment={{ enrolment: enrolment.enrolment, qrSvg: enrolment.qrSvg, secret: enrolment.secret }} continueHref="/" />
        <form action={signOutAction}>
          <button type="submit" className="text-sm text-muted-foreground underline">
            {ta('signOut')}
          </button>
        </form>
      </CardContent>
    </Card>
  );
}
