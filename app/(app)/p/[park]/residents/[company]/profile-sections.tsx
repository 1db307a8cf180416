import { getTranslations } from 'next-intl/server';
import { Badge } from '@/app/_components/ui/badge';
import { DetailItem, DetailList } from '@/app/_components/ui/detail-list';
import { SectionCard } from '@/app/_components/ui/section-card';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/app/_components/ui/table';
import { formatArea, formatDate, formatNumber, formatRub } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import type { ProfileIncentive, ResidentProfileDto } from '@/lib/residents/profile';

async function IncentiveStateBadge({ incentive, today }: { incentive: Pick<ProfileIncentive, 'status' | 'inForce' | 'validFrom'>; today: string }) {
  const t = await getTranslations('incentives');
  if (incentive.status === 'revoked') return <Badge variant="destructive">{t('states.revoked')}</Badge>;
  if (incentive.inForce) return <Badge variant="success">{t('states.in_force')}</Badge>;
  if (incentive.validFrom > today) return <Badge variant="outline">{t('states.not_yet')}</Badge>;
  return <Badge variant="secondary">{t('states.expired')}</Badge>;
}

/** The company's card and residency record in one park: shown to the park's staff and, read-only, to the company. */
export async function ResidentProfileSections({
  profile,
  locale,
  today,
  incentiveHref,
  unitHref,
  aside,
}: {
  profile: ResidentProfileDto;
  locale: Locale;
  today: string;
  /** Links for the park's staff; the company's own view has none. */
  incentiveHref?: (id: string) => string;
  unitHref?: (id: string) => string;
  aside?: React.ReactNode;
}) {
  const t = await getTranslations('profile');
  const tr = await getTranslations('residents');
  const ti = await getTranslations('incentives');
  const tp = await getTranslations('premises');
  const c = profile.company;
  const currentLeases = profile.leases.filter((l) => l.active);
  const dash = '—';
  // Display only: the figures themselves stay exact strings.
  const millions = (rub: string) => formatNumber(Number(rub) / 1e6, locale, 1);
  const supportMax = Math.max(0, ...profile.support.map((y) => Number(y.totalRub)));
  const supportShare = (rub: string) => (supportMax > 0 ? Math.max(0, (Number(rub) / supportMax) * 100) : 0);
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <div className="space-y-6 lg:col-span-2">
        <SectionCard level={3} title={profile.residencies.length > 1 ? t('residencies') : t('residency')} contentClassName="space-y-4">
          {profile.residencies.map((r) => (
            <DetailList key={r.id} className="rounded-lg border px-3">
              <DetailItem dense label={t('agreement')}>
                {r.agreementNumber
                  ? r.agreementDate
                    ? t('agreementOf', { number: r.agreementNumber, date: formatDate(r.agreementDate, locale) })
                    : t('agreementNumber', { number: r.agreementNumber })
                  : dash}
              </DetailItem>
              <DetailItem dense label={t('period')}>
                {formatDate(r.startOn, locale)} – {r.endOn ? formatDate(r.endOn, locale) : tr('openEnded')}{' '}
                {r.activeToday ? (
                  <Badge variant="success">{tr('status.current')}</Badge>
                ) : r.startOn > today ? (
                  <Badge variant="outline">{tr('status.upcoming', { date: formatDate(r.startOn, locale) })}</Badge>
                ) : (
                  <Badge variant="secondary">{tr('status.former')}</Badge>
                )}
              </DetailItem>
              <DetailItem dense label={t('placement')}>{tr(`placement.${r.placement}`)}</DetailItem>
              {r.exitReason && (
                <DetailItem dense label={t('exit')}>
                  {tr(`exitReason.${r.exitReason}`)}
                  {r.exitNote && <span className="block text-muted-foreground">{r.exitNote}</span>}
                </DetailItem>
              )}
            </DetailList>
          ))}
        </SectionCard>

        <SectionCard level={3} title={t('premises')}>
          {currentLeases.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t('noPremises')}</p>
          ) : (
            <Table aria-label={t('premises')}>
              <TableHeader>
                <TableRow>
                  <TableHead>{t('unit')}</TableHead>
                  <TableHead>{t('building')}</TableHead>
                  <TableHead className="whitespace-normal text-right">{t('area')}</TableHead>
                  <TableHead>{t('leasePeriod')}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {currentLeases.map((l) => (
                  <TableRow key={l.id}>
                    <TableCell className="font-medium">
                      {unitHref ? (
                        <a className="hover:underline" href={unitHref(l.premisesId)}>
                          {l.unitName}
                        </a>
                      ) : (
                        l.unitName
                      )}
                      <span className="block text-xs text-muted-foreground">{tp(`kinds.${l.kind}`)}</span>
                    </TableCell>
                    <TableCell>{l.buildingName}</TableCell>
                    <TableCell className="text-right tabular-nums">{formatArea(l.areaM2, locale)}</TableCell>
                    <TableCell className="whitespace-nowrap">
                      {formatDate(l.startOn, locale)} – {l.endOn ? formatDate(l.endOn, locale) : tr('openEnded')}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          {profile.leases.length > currentLeases.length && (
            <details className="mt-3 text-sm">
              <summary className="cursor-pointer text-muted-foreground">{t('allLeases')} ({profile.leases.length})</summary>
              <ul className="mt-2 space-y-1">
                {profile.leases.map((l) => (
                  <li key={l.id}>
                    {l.unitName} ({l.buildingName}, {formatArea(l.areaM2, locale)}): {formatDate(l.startOn, locale)} – {l.endOn ? formatDate(l.endOn, locale) : tr('openEnded')}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </SectionCard>

        <SectionCard level={3} title={t('incentives')}>
          {profile.incentives.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t('noIncentives')}</p>
          ) : (
            <Table aria-label={t('incentives')}>
              <TableHeader>
                <TableRow>
                  <TableHead>{t('kind')}</TableHead>
                  <TableHead>{t('decision')}</TableHead>
                  <TableHead>{t('validity')}</TableHead>
                  <TableHead>{t('state')}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {profile.incentives.map((i) => (
                  <TableRow key={i.id}>
                    <TableCell className="font-medium">
                      {incentiveHref ? (
                        <a className="hover:underline" href={incentiveHref(i.id)}>
                          {ti(`kinds.${i.kind}`)}
                        </a>
                      ) : (
                        ti(`kinds.${i.kind}`)
                      )}
                      {i.legalBasis && <span className="block text-xs text-muted-foreground">{i.legalBasis}</span>}
                    </TableCell>
                    <TableCell className="whitespace-nowrap">{i.decisionNumber ? ti('decisionOf', { number: i.decisionNumber, date: formatDate(i.grantedOn, locale) }) : formatDate(i.grantedOn, locale)}</TableCell>
                    <TableCell className="whitespace-nowrap">
                      {formatDate(i.validFrom, locale)} – {i.validTo ? formatDate(i.validTo, locale) : ti('openEnded')}
                    </TableCell>
                    <TableCell>
                      <IncentiveStateBadge incentive={i} today={today} />
                      {i.revokedOn && <span className="block text-xs text-muted-foreground">{ti('revokedInfo', { date: formatDate(i.revokedOn, locale), reason: i.revokeReason ?? '' })}</span>}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </SectionCard>

        <SectionCard level={3} title={t('kpi')}>
          {profile.kpi.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t('noKpi')}</p>
          ) : (
            <Table aria-label={t('kpi')}>
              <TableHeader>
                <TableRow>
                  <TableHead>{t('year')}</TableHead>
                  <TableHead>{t('reportStatus')}</TableHead>
                  <TableHead className="whitespace-normal text-right">{t('jobs')}</TableHead>
                  <TableHead className="whitespace-normal text-right">{`${t('investment')}, ${t('mRub')}`}</TableHead>
                  <TableHead className="whitespace-normal text-right">{`${t('capex')}, ${t('mRub')}`}</TableHead>
                  <TableHead className="whitespace-normal text-right">{`${t('income')}, ${t('mRub')}`}</TableHead>
                  <TableHead className="whitespace-normal text-right">{`${t('taxes')}, ${t('mRub')}`}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {profile.kpi.map((k) => (
                  <TableRow key={k.year}>
                    <TableCell className="font-medium tabular-nums">{k.year}</TableCell>
                    <TableCell>
                      <Badge variant={k.status === 'accepted' ? 'success' : k.status === 'returned' ? 'warning' : 'secondary'}>{t(`reportStatuses.${k.status}`)}</Badge>
                    </TableCell>
                    <TableCell className="text-right tabular-nums">{formatNumber(k.jobsCreated, locale)}</TableCell>
                    <TableCell className="whitespace-nowrap text-right tabular-nums">{millions(k.investmentRub)}</TableCell>
                    <TableCell className="whitespace-nowrap text-right tabular-nums">{millions(k.capitalInvestmentRub)}</TableCell>
                    <TableCell className="whitespace-nowrap text-right tabular-nums">{millions(k.incomeRub)}</TableCell>
                    <TableCell className="whitespace-nowrap text-right tabular-nums">{millions(k.taxesPaidRub)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </SectionCard>

        <SectionCard level={3} title={t('support')} description={t('supportHint')}>
          {profile.support.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t('noSupport')}</p>
          ) : (
            <Table aria-label={t('support')}>
              <TableHeader>
                <TableRow>
                  <TableHead>{t('year')}</TableHead>
                  <TableHead className="whitespace-normal text-right">{t('supportRent')}</TableHead>
                  <TableHead className="whitespace-normal text-right">{t('supportServices')}</TableHead>
                  <TableHead className="whitespace-normal text-right">{t('supportTotal')}</TableHead>
                  <TableHead className="w-1/4">
                    <span className="sr-only">{t('supportBar')}</span>
                  </TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {profile.support.map((y) => (
                  <TableRow key={y.year}>
                    <TableCell className="font-medium tabular-nums">{y.year}</TableCell>
                    <TableCell className="whitespace-nowrap text-right tabular-nums">{formatRub(y.rentRub, locale)}</TableCell>
                    <TableCell className="whitespace-nowrap text-right tabular-nums">{formatRub(y.servicesRub, locale)}</TableCell>
                    <TableCell className="whitespace-nowrap text-right font-medium tabular-nums">{formatRub(y.totalRub, locale)}</TableCell>
                    <TableCell aria-hidden>
                      {/* A bar per year, drawn on the server: rent and services side by side, to the scale of the largest year. */}
                      <span className="flex h-2.5 w-full overflow-hidden rounded-sm bg-muted">
                        <span className="bg-[var(--chart-1)]" style={{ width: `${supportShare(y.rentRub)}%` }} />
                        <span className="bg-[var(--chart-2)]" style={{ width: `${supportShare(y.servicesRub)}%` }} />
                      </span>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </SectionCard>
      </div>

      <div className="space-y-6">
        <SectionCard level={3} title={t('details')}>
          <DetailList>
            <DetailItem dense label={t('inn')}>{c.inn ?? dash}</DetailItem>
            {c.ogrn && <DetailItem dense label={t('ogrn')}>{c.ogrn}</DetailItem>}
            <DetailItem dense label={t('sme')}>{tr(`sme.${c.smeCategory}`)}</DetailItem>
            <DetailItem dense label={t('industry')}>{c.industry ?? dash}</DetailItem>
            <DetailItem dense label={t('manufacturing')}>{c.manufacturing ? tr('values.yes') : tr('values.no')}</DetailItem>
            {(c.contactEmail || c.contactPhone) && <DetailItem dense label={t('contacts')}>{[c.contactEmail, c.contactPhone].filter(Boolean).join(', ')}</DetailItem>}
            {c.address && <DetailItem dense label={t('address')}>{c.address}</DetailItem>}
          </DetailList>
        </SectionCard>
        {aside}
        <SectionCard level={3} title={t('timeline')}>
          <ol className="relative space-y-4 border-l pl-5" aria-label={t('timeline')}>
            {profile.timeline.map((e, i) => (
              <li key={`${e.kind}-${e.date}-${i}`} className="relative text-sm">
                <span className="absolute -left-[1.6rem] top-1.5 size-2.5 rounded-full border-2 border-background bg-primary" aria-hidden />
                <p className="text-xs text-muted-foreground">{e.approximate ? e.date.slice(0, 4) : formatDate(e.date, locale)}</p>
                <p>{t(`events.${e.kind === 'incentiveGranted' && e.params.decision ? 'incentiveGrantedDecision' : e.kind}`, e.params)}</p>
              </li>
            ))}
          </ol>
        </SectionCard>
      </div>
    </div>
  );
}
