import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/app/_components/page-header';
import { parkContext } from '@/app/_server/park-context';
import { Alert } from '@/app/_components/ui/alert';
import { ButtonLink } from '@/app/_components/ui/button';
import { Card, CardContent } from '@/app/_components/ui/card';
import { todayIso } from '@/lib/dates';
import { formatArea } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import { listLeaseOptions } from '@/lib/premises/leases';
import { LeaseForm } from './lease-form';

/** The parts of a unit's label, each said once (a unit of kind "Business incubator" in the building of that name). */
const distinct = (parts: string[]) => parts.filter((part, i) => parts.findIndex((p) => p.trim().toLowerCase() === part.trim().toLowerCase()) === i);

export default async function NewLeasePage({ params, searchParams }: { params: Promise<{ park: string }>; searchParams: Promise<{ residency?: string; unit?: string }> }) {
  const { park: slug } = await params;
  const search = await searchParams;
  const { actor, db, park } = await parkContext(slug, 'lease.manage');
  const today = todayIso(park.timeZone);
  const options = await listLeaseOptions(db, { actor, parkId: park.id, today });
  const t = await getTranslations('premises');
  const locale = (await getLocale()) as Locale;
  const residency = options.residencies.find((r) => r.id === search.residency);
  const unit = options.units.find((u) => u.id === search.unit);
  return (
    <div className="max-w-3xl space-y-6">
      <PageHeader
        title={t('leaseFormTitle')}
        description={t('leaseFormSubtitle')}
        actions={
          <ButtonLink variant="ghost" size="sm" href={`/p/${slug}/premises`}>{t('backToPremises')}</ButtonLink>
        }
      />
      {options.residencies.length === 0 && <Alert variant="warning">{t('noOnSiteResidents')}</Alert>}
      <Card>
        <CardContent className="pt-5">
          <LeaseForm
            parkId={park.id}
            slug={slug}
            residencies={options.residencies.map((r) => ({ id: r.id, label: r.companyName }))}
            units={options.units.map((u) => ({
              id: u.id,
              label: `${distinct([u.name, u.buildingName, t(`kinds.${u.kind}`)]).join(' · ')} · ${formatArea(u.areaM2, locale)}${u.leasedToday ? ` (${t('leasedToday')})` : ''}`,
            }))}
            defaults={{
              residencyId: residency?.id ?? '',
              premisesId: unit?.id ?? '',
              startOn: residency && residency.startOn > today ? residency.startOn : today,
            }}
          />
        </CardContent>
      </Card>
    </div>
  );
}
