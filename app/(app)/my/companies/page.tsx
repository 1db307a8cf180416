import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/app/_components/page-header';
import { Badge } from '@/app/_components/ui/badge';
import { ButtonLink } from '@/app/_components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/app/_components/ui/card';
import { SectionCard } from '@/app/_components/ui/section-card';
import { getDb } from '@/db/client';
import { listMyApplications } from '@/lib/applications/applications';
import { requireActor } from '@/app/_server/session';
import { listMyInvitations } from '@/lib/companies/invitations';
import { listMyCompanies } from '@/lib/companies/my-companies';
import { todayIso, zoneOr } from '@/lib/dates';
import { formatDate } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import { InvitationButtons } from './invitation-buttons';

export default async function MyCompaniesPage() {
  const actor = await requireActor();
  const db = await getDb();
  const [companies, applications, invitations] = await Promise.all([
    listMyCompanies(db, { actor, today: todayIso(zoneOr(actor.timeZone)) }),
    listMyApplications(db, { actor }),
    listMyInvitations(db, { actor }),
  ]);
  const t = await getTranslations('companies');
  const th = await getTranslations('myHome');
  const locale = (await getLocale()) as Locale;
  return (
    <div className="space-y-6">
      <PageHeader
        title={t('title')}
        description={t('subtitle')}
        actions={
          <ButtonLink href="/my/companies/new">{t('new')}</ButtonLink>
        }
      />
      {invitations.length > 0 && (
        <SectionCard title={t('invitationsTitle')}>
          <ul className="divide-y text-sm">
            {invitations.map((i) => (
              <li key={i.id} className="flex flex-wrap items-center justify-between gap-3 py-2">
                <span>{i.invitedBy ? t('invitationFrom', { by: i.invitedBy, company: i.companyName }) : t('invitationFromUnknown', { company: i.companyName })}</span>
                <InvitationButtons invitationId={i.id} companyName={i.companyName} />
              </li>
            ))}
          </ul>
        </SectionCard>
      )}
      {companies.length === 0 && (
        <Card>
          <CardContent className="pt-5 text-sm text-muted-foreground">{t('empty')}</CardContent>
        </Card>
      )}
      <div className="grid gap-4 md:grid-cols-2">
        {companies.map((c) => {
          const count = applications.filter((a) => a.companyId === c.id).length;
          return (
            <Card key={c.id}>
              <CardHeader>
                <CardTitle>
                  <Link href={`/my/companies/${c.id}`} className="hover:underline">
                    {c.name}
                  </Link>
                </CardTitle>
                <p className="text-xs text-muted-foreground">
                  {c.inn ? t('innShort', { inn: c.inn }) : null} · {t(`smeCategories.${c.smeCategory}`)}
                </p>
              </CardHeader>
              <CardContent className="space-y-3 text-sm">
                {c.residencies.map((r) => (
                  <div key={`${r.parkSlug}${r.startOn}`} className="flex flex-wrap items-center gap-2">
                    {r.active ? <Badge variant="success">{th('resident')}</Badge> : <Badge variant="secondary">{th('former')}</Badge>}
                    <span>{r.parkName}</span>
                    <span className="text-muted-foreground">
                      {formatDate(r.startOn, locale)} – {r.endOn ? formatDate(r.endOn, locale) : th('openEnded')}
                    </span>
                  </div>
                ))}
                <p className="text-muted-foreground">{t('applications', { count })}</p>
                <div className="flex flex-wrap gap-2">
                  <ButtonLink variant="outline" size="sm" href={`/my/companies/${c.id}`}>{t('open')}</ButtonLink>
                  <ButtonLink variant="ghost" size="sm" href={`/my/applications/new?company=${c.id}`}>{t('newApplication')}</ButtonLink>
                </div>
              </CardContent>
            </Card>
          );
        })}
      </div>
    </div>
  );
}
