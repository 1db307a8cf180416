import { getTranslations } from 'next-intl/server';
import { adminContext } from '@/app/_server/admin-context';
import { orNotFound } from '@/app/_server/not-found';
import { PageHeader } from '@/app/_components/page-header';
import { Badge } from '@/app/_components/ui/badge';
import { ButtonLink } from '@/app/_components/ui/button';
import { SectionCard } from '@/app/_components/ui/section-card';
import { listParks } from '@/lib/parks/parks';
import { getUser } from '@/lib/users/users';
import { DisableButton } from '../disable-button';
import { ResetSecondFactorButton, SendResetLinkButton } from './account-access-buttons';
import { EditUserForm } from './edit-user-form';

/** An administrator's page of one account: edit it, disable or enable it, and find what the person did. */
export default async function AdminUserPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { actor, db } = await adminContext();
  const [user, parks] = await Promise.all([orNotFound(getUser(db, { actor, userId: id })), listParks(db, { actor })]);
  const t = await getTranslations('admin');
  const self = user.id === actor.userId;
  return (
    <div className="max-w-3xl space-y-6">
      <PageHeader
        title={user.name}
        description={
          <>
            {user.email} · {t(`kinds.${user.kind}`)}{' '}
            {user.disabled ? <Badge variant="destructive">{t('disabled')}</Badge> : <Badge variant="success">{t('active')}</Badge>}{' '}
            {user.secondFactor ? <Badge variant="secondary">{t('secondFactorOn')}</Badge> : null}
          </>
        }
        actions={
          <>
            <ButtonLink variant="outline" size="sm" href={`/admin/audit?user=${encodeURIComponent(user.email)}`}>
              {t('userAudit')}
            </ButtonLink>
            <ButtonLink variant="ghost" size="sm" href="/admin/users">
              {t('backToUsers')}
            </ButtonLink>
          </>
        }
      />
      <SectionCard title={t('accountSection')} description={t('userSubtitle')}>
        <EditUserForm
          // Keyed by the saved values, so the form starts again from them after a save refreshes the page.
          key={JSON.stringify([user.name, user.email, user.kind, user.memberships])}
          user={{ userId: user.id, name: user.name, email: user.email, kind: user.kind, memberships: user.memberships.map(({ parkId, role }) => ({ parkId, role })) }}
          parks={parks.map((p) => ({ id: p.id, name: p.name }))}
        />
      </SectionCard>
      <SectionCard title={t('accessSection')} description={user.disabled ? t('accessDisabled') : t('accessActive')}>
        <div className="flex flex-wrap gap-2">
          {!self && <DisableButton userId={user.id} disabled={user.disabled} email={user.email} />}
          {!user.disabled && <SendResetLinkButton userId={user.id} email={user.email} />}
          {user.secondFactor && <ResetSecondFactorButton userId={user.id} email={user.email} />}
        </div>
      </SectionCard>
    </div>
  );
}
