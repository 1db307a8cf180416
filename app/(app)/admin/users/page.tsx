import { getTranslations } from 'next-intl/server';
import { adminContext } from '@/app/_server/admin-context';
import { PageHeader } from '@/app/_components/page-header';
import { Badge } from '@/app/_components/ui/badge';
import { SectionCard } from '@/app/_components/ui/section-card';
import { DataTable } from '@/app/_components/ui/data-table';
import { listParks } from '@/lib/parks/parks';
import { listUsers } from '@/lib/users/users';
import { CreateUserForm } from './create-user-form';
import { DisableButton } from './disable-button';

export default async function AdminUsers() {
  const { actor, db } = await adminContext();
  const [users, parks] = await Promise.all([listUsers(db, { actor }), listParks(db, { actor })]);
  const t = await getTranslations('admin');
  const tr = await getTranslations('roles');
  return (
    <div className="space-y-6">
      <PageHeader title={t('users')} />
      <DataTable
        rows={users}
        rowKey={(u) => u.id}
        columns={[
          { header: t('name'), className: 'font-medium', cell: (u) => u.name },
          { header: t('email'), cell: (u) => u.email },
          { header: t('kind'), cell: (u) => t(`kinds.${u.kind}`) },
          {
            header: t('rolesIn'),
            className: 'max-w-72',
            cell: (u) => (
              <div className="flex flex-wrap gap-1">
                {u.memberships.length === 0 && <span className="text-muted-foreground">—</span>}
                {u.memberships.map((m) => (
                  <Badge key={`${m.parkId}:${m.role}`} variant="secondary">
                    {tr(m.role)} · {m.parkSlug}
                  </Badge>
                ))}
              </div>
            ),
          },
          { header: t('status'), cell: (u) => (u.disabled ? <Badge variant="destructive">{t('disabled')}</Badge> : <Badge variant="success">{t('active')}</Badge>) },
          { header: t('action'), align: 'right', cell: (u) => u.id !== actor.userId && <DisableButton userId={u.id} disabled={u.disabled} email={u.email} /> },
        ]}
      />
      <SectionCard title={t('createUser')} className="max-w-2xl">
        <CreateUserForm parks={parks.map((p) => ({ id: p.id, name: p.name }))} />
      </SectionCard>
    </div>
  );
}
