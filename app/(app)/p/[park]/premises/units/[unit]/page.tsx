import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/app/_components/page-header';
import { parkContext } from '@/app/_server/park-context';
import { orNotFound } from '@/app/_server/not-found';
import { ButtonLink } from '@/app/_components/ui/button';
import { SectionCard } from '@/app/_components/ui/section-card';
import { DataTable } from '@/app/_components/ui/data-table';
import { todayIso } from '@/lib/dates';
import { formatAmount, formatArea, formatDate } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import { listUnitLeases } from '@/lib/premises/leases';
import { getUnit } from '@/lib/premises/premises';
import { EditUnitForm, EndLeaseForm, LeaseRatesForm, RetireUnitForm } from './unit-forms';

export default async function UnitPage({ params }: { params: Promise<{ park: string; unit: string }> }) {
  const { park: slug, unit: unitId } = await params;
  const { actor, db, park } = await parkContext(slug, 'premises.manage');
  const unit = await orNotFound(getUnit(db, { actor, parkId: park.id, unitId }));
  const leases = await listUnitLeases(db, { actor, parkId: park.id, unitId: unit.id });
  const today = todayIso(park.timeZone);
  const t = await getTranslations('premises');
  const locale = (await getLocale()) as Locale;
  const base = `/p/${slug}`;
  const retired = unit.availableTo !== null && unit.availableTo < today;
  return (
    <div className="max-w-4xl space-y-6">
      <PageHeader
        title={unit.name}
        description={t('unitSubtitle', { building: unit.buildingName, kind: t(`kinds.${unit.kind}`), area: formatArea(unit.areaM2, locale) })}
        actions={
          <>
            <ButtonLink variant="ghost" size="sm" href={`${base}/premises`}>{t('backToPremises')}</ButtonLink>
            {!retired && (
              <ButtonLink size="sm" href={`${base}/premises/leases/new?unit=${unit.id}`}>{t('leaseThisUnit')}</ButtonLink>
            )}
          </>
        }
      />
      <SectionCard title={t('history')}>
        {leases.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t('historyEmpty')}</p>
        ) : (
          <DataTable
            aria-label={t('history')}
            rows={leases}
            rowKey={(l) => l.id}
            columns={[
              { header: t('tenant'), className: 'font-medium', href: (l) => `${base}/residents/${l.companyId}`, cell: (l) => l.companyName },
              { header: t('start'), className: 'whitespace-nowrap', cell: (l) => formatDate(l.startOn, locale) },
              { header: t('end'), className: 'whitespace-nowrap', cell: (l) => (l.endOn ? formatDate(l.endOn, locale) : t('openEnded')) },
              {
                header: t('ratesShort'),
                align: 'right',
                className: 'whitespace-nowrap tabular-nums',
                cell: (l) =>
                  l.rateRubPerM2Month !== null && l.marketRateRubPerM2Month !== null
                    ? t('rateValueShort', { rate: formatAmount(l.rateRubPerM2Month, locale), market: formatAmount(l.marketRateRubPerM2Month, locale) })
                    : '—',
              },
              {
                header: null,
                cell: (l) =>
                  (l.endOn === null || l.endOn > today) && <EndLeaseForm parkId={park.id} leaseId={l.id} defaultEndOn={l.startOn > today ? l.startOn : today} label={l.companyName} />,
              },
            ]}
          />
        )}
      </SectionCard>
      {leases.length > 0 && (
        <SectionCard title={t('rates')} description={t('ratesHint')} contentClassName="space-y-6">
          {leases.map((l) => (
            <div key={l.id} className="space-y-2" data-lease-start={l.startOn}>
              <h3 className="text-sm font-medium">
                {l.companyName} · {formatDate(l.startOn, locale)} – {l.endOn ? formatDate(l.endOn, locale) : t('openEnded')}
              </h3>
              <LeaseRatesForm parkId={park.id} lease={l} label={l.companyName} />
            </div>
          ))}
        </SectionCard>
      )}
      <SectionCard title={t('editUnit')}>
        <EditUnitForm parkId={park.id} unit={unit} />
      </SectionCard>
      <SectionCard title={t('retireUnit')} description={t('retireHint')}>
        {unit.availableTo ? (
          <p className="text-sm">{t('availableUntil', { date: formatDate(unit.availableTo, locale) })}</p>
        ) : (
          <RetireUnitForm parkId={park.id} unitId={unit.id} today={today} />
        )}
      </SectionCard>
    </div>
  );
}
