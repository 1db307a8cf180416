import { getTranslations } from 'next-intl/server';
import { adminContext } from '@/app/_server/admin-context';
import { PageHeader, StatCard } from '@/app/_components/page-header';
import { getInstallationStats } from '@/lib/admin/admin';

export default async function AdminHome() {
  const { actor, db } = await adminContext();
  const stats = await getInstallationStats(db, { actor });
  const t = await getTranslations('admin');
  return (
    <div>
      <PageHeader title={t('title')} description={t('subtitle')} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <StatCard label={t('parks')} value={stats.parks} href="/admin/parks" />
        <StatCard label={t('users')} value={stats.users} href="/admin/users" />
        <StatCard label={t('auditEntries')} value={stats.auditEntries} href="/admin/audit" />
        <StatCard label={t('outboxPending')} value={stats.outboxPending} href="/admin/outbox" />
      </div>
    </div>
  );
}
