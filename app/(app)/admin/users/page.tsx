import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { adminContext } from '@/app/_server/admin-context';
import { searchValues, type SearchParams } from '@/app/_server/search-params';
import { PageHeader } from '@/app/_components/page-header';
import { Badge } from '@/app/_components/ui/badge';
import { ButtonLink } from '@/app/_components/ui/button';
import { FilterActions, FilterForm, FilterSearch, FilterSelect } from '@/app/_components/ui/filter';
import { PageLinks } from '@/app/_components/ui/page-links';
import { SectionCard } from '@/app/_components/ui/section-card';
import { DataTable } from '@/app/_components/ui/data-table';
import { listParks } from '@/lib/parks/parks';
import { listUsersPage } from '@/lib/users/users';
import { USER_LIST_ROLES, userListQuerySchema, type UserListQuery } from '@/lib/validation/users';
import { CreateUserForm } from './create-user-form';
import { DisableButton } from './disable-button';

const BASE = '/admin/users';

/** The list's address with some parameters changed (undefined removes one). */
function href(query: UserListQuery, change: Partial<Record<keyof UserListQuery, string | undefined>>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...query, ...change })) if (v) params.set(k, String(v));
  const text = params.toString();
  return text ? `${BASE}?${text}` : BASE;
}

export default async function AdminUsers({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { actor, db } = await adminContext();
  const query = userListQuerySchema.parse(searchValues(await searchParams));
  const [page, parks] = await Promise.all([listUsersPage(db, { actor, query }), listParks(db, { actor })]);
  const t = await getTranslations('admin');
  const tr = await getTranslations('roles');
  return (
    <div className="space-y-6">
      <PageHeader title={t('users')} />
      <FilterForm action={BASE} className="lg:grid-cols-5">
        <FilterSearch label={t('userSearch')} value={query.q} placeholder={t('userSearchPlaceholder')} className="sm:col-span-2" />
        <FilterSelect name="role" label={t('roleFilter')} value={query.role} any={t('any')} options={USER_LIST_ROLES.map((r) => ({ value: r, label: t(`roleFilters.${r}`) }))} />
        <FilterSelect name="park" label={t('parkFilter')} value={query.park} any={t('any')} options={parks.map((p) => ({ value: p.id, label: p.name }))} />
        <FilterSelect name="state" label={t('stateFilter')} value={query.state} any={t('any')} options={(['active', 'disabled'] as const).map((s) => ({ value: s, label: t(`states.${s}`) }))} />
        <FilterActions apply={t('apply')} reset={{ href: BASE, label: t('reset') }} status={t('usersTotal', { count: page.total })} className="sm:col-span-2 lg:col-span-5" />
      </FilterForm>
      <DataTable
        rows={page.rows}
        rowKey={(u) => u.id}
        empty={t('noUsers')}
        columns={[
          {
            header: t('personName'),
            className: 'font-medium',
            cell: (u) => (
              <Link href={`${BASE}/${u.id}`} className="hover:underline">
                {u.name}
              </Link>
            ),
          },
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
          {
            header: t('action'),
            align: 'right',
            cell: (u) => (
              <div className="flex justify-end gap-2">
                <ButtonLink size="sm" variant="outline" href={`${BASE}/${u.id}`} aria-label={t('editUserLabel', { email: u.email })}>
                  {t('editUser')}
                </ButtonLink>
                {u.id !== actor.userId && <DisableButton userId={u.id} disabled={u.disabled} email={u.email} />}
              </div>
            ),
          },
        ]}
      />
      <PageLinks
        label={t('usersPages')}
        previous={{ label: t('previous'), href: page.previous && href(query, { after: undefined, before: page.previous }) }}
        next={{ label: t('next'), href: page.next && href(query, { after: page.next, before: undefined }) }}
      />
      <SectionCard title={t('createUser')} className="max-w-2xl">
        <CreateUserForm parks={parks.map((p) => ({ id: p.id, name: p.name }))} />
      </SectionCard>
    </div>
  );
}
