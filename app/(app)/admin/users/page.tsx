import { getTranslations } from 'next-intl/server';
import { adminContext } from '@/app/_server/admin-context';
import { PageHeader } from '@/app/_components/page-header';
import { Badge } from '@/app/_components/ui/badge';
import { SectionCard } from '@/app/_components/ui/section-card';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/app/_components/ui/table';
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
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>{t('name')}</TableHead>
            <TableHead>{t('email')}</TableHead>
            <TableHead>{t('kind')}</TableHead>
            <TableHead>{t('rolesIn')}</TableHead>
            <TableHead>{t('status')}</TableHead>
            <TableHead className="text-right">{t('action')}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {users.map((u) => (
            <TableRow key={u.id}>
              <TableCell className="font-medium">{u.name}</TableCell>
              <TableCell>{u.email}</TableCell>
              <TableCell>{t(`kinds.${u.kind}`)}</TableCell>
              <TableCell className="max-w-72">
                <div className="flex flex-wrap gap-1">
                  {u.memberships.length === 0 && <span className="text-muted-foreground">—</span>}
                  {u.memberships.map((m) => (
                    <Badge key={`${m.parkId}:${m.role}`} variant="secondary">
                      {tr(m.role)} · {m.parkSlug}
                    </Badge>
                  ))}
                </div>
              </TableCell>
              <TableCell>{u.disabled ? <Badge variant="destructive">{t('disabled')}</Badge> : <Badge variant="success">{t('active')}</Badge>}</TableCell>
              <TableCell className="text-right">
                {u.id !== actor.userId && <DisableButton userId={u.id} disabled={u.disabled} email={u.email} />}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <SectionCard title={t('createUser')} className="max-w-2xl">
        <CreateUserForm parks={parks.map((p) => ({ id: p.id, name: p.name }))} />
      </SectionCard>
    </div>
  );
}
