import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/app/_components/page-header';
import { Badge } from '@/app/_components/ui/badge';
import { PageSection } from '@/app/_components/ui/page-section';
import { ButtonLink } from '@/app/_components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/app/_components/ui/card';
import { getDb } from '@/db/client';
import { requireActor } from '@/app/_server/session';
import { listMyCompanies } from '@/lib/companies/my-companies';
import { todayIso, zoneOr } from '@/lib/dates';
import { formatDate } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';

export default async function MyHome() {
  const actor = await requireActor();
  const companies = await listMyCompanies(await getDb(), { actor, today: todayIso(zoneOr(actor.timeZone)) });
  const t = await getTranslations('myHome');
  const tr = await getTranslations('myResidency');
  const locale = (await getLocale()) as Locale;
  return (
    <div className="space-y-6">
      <PageHeader
        title={t('title', { name: actor.name })}
        description={t('subtitle')}
        actions={
          <ButtonLink href="/my/applications/new">{t('newApplication')}</ButtonLink>
        }
      />
      <PageSection title={t('companies')}>
        {companies.length === 0 && (
          <Card>
            <CardContent className="pt-5 text-sm text-muted-foreground">
              {t('noCompanies')}{' '}
              <Link className="font-medium text-primary hover:underline" href="/my/companies">
                {t('addCompany')}
              </Link>
            </CardContent>
          </Card>
        )}
        <div className="grid gap-4 md:grid-cols-2">
          {companies.map((c) => (
            <Card key={c.id}>
              <CardHeader>
                <CardTitle>{c.name}</CardTitle>
                {c.inn && <p className="text-xs text-muted-foreground">{t('inn', { inn: c.inn })}</p>}
              </CardHeader>
              <CardContent className="space-y-2 text-sm">
                {c.residencies.length === 0 && <p className="text-muted-foreground">{t('notResident')}</p>}
                {c.residencies.map((r) => (
                  <div key={`${r.parkSlug}${r.startOn}`} className="flex flex-wrap items-center gap-2">
                    {r.active ? <Badge variant="success">{t('resident')}</Badge> : <Badge variant="secondary">{t('former')}</Badge>}
                    <span>{r.parkName}</span>
                    <span className="text-muted-foreground">
                      {formatDate(r.startOn, locale)} – {r.endOn ? formatDate(r.endOn, locale) : t('openEnded')}
                    </span>
                  </div>
                ))}
                {c.residencies.length > 0 && (
                  <Link className="inline-block font-medium text-primary hover:underline" href={`/my/residency/${c.id}`}>
                    {tr('link')}
                  </Link>
                )}
              </CardContent>
            </Card>
          ))}
        </div>
      </PageSection>
    </div>
  );
}
