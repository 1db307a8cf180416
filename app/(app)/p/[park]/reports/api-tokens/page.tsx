import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/app/_components/page-header';
import { parkContext } from '@/app/_server/park-context';
import { Badge } from '@/app/_components/ui/badge';
import { PageSection } from '@/app/_components/ui/page-section';
import { ButtonLink } from '@/app/_components/ui/button';
import { EmptyState } from '@/app/_components/ui/empty-state';
import { SectionCard } from '@/app/_components/ui/section-card';
import { DataTable } from '@/app/_components/ui/data-table';
import { listApiTokens } from '@/lib/api-tokens/tokens';
import { formatDateTime } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import { CreateApiTokenForm, RevokeApiTokenButton } from './api-token-forms';

/** The park's read-only API tokens: create (shown once), list, revoke. Managers and admins. */
export default async function ApiTokensPage({ params }: { params: Promise<{ park: string }> }) {
  const { park: slug } = await params;
  const { actor, db, park } = await parkContext(slug, 'apiToken.manage');
  const tokens = await listApiTokens(db, { actor, parkSlug: slug });
  const t = await getTranslations('apiTokens');
  const locale = (await getLocale()) as Locale;
  const example = `curl -H "Authorization: Bearer tp_…" "/api/v1/parks/${park.slug}/summary?from=2010&to=2016"`;
  return (
    <div className="space-y-6">
      <PageHeader
        title={t('title')}
        description={t('subtitle', { park: park.name })}
        actions={
          <ButtonLink variant="outline" size="sm" href={`/p/${slug}/reports`}>{t('back')}</ButtonLink>
        }
      />
      <SectionCard title={t('createTitle')} description={t('createHelp')}>
        <CreateApiTokenForm parkSlug={slug} />
      </SectionCard>

      <PageSection title={t('listTitle')}>
        {tokens.length === 0 ? (
          <EmptyState>{t('empty')}</EmptyState>
        ) : (
          <DataTable
            rows={tokens}
            rowKey={(token) => token.id}
            columns={[
              { header: t('name'), className: 'font-medium', cell: (token) => token.name },
              { header: t('prefix'), className: 'font-mono text-xs', cell: (token) => `${token.prefix}…` },
              {
                header: t('created'),
                cell: (token) => (
                  <>
                    {formatDateTime(token.createdAt, locale, park.timeZone)}
                    {token.createdBy && <span className="block text-xs text-muted-foreground">{token.createdBy}</span>}
                  </>
                ),
              },
              { header: t('lastUsed'), cell: (token) => (token.lastUsedAt ? formatDateTime(token.lastUsedAt, locale, park.timeZone) : t('never')) },
              {
                header: t('status'),
                cell: (token) =>
                  token.revokedAt ? (
                    <Badge variant="secondary" title={formatDateTime(token.revokedAt, locale, park.timeZone)}>
                      {t('statusRevoked')}
                    </Badge>
                  ) : (
                    <Badge variant="success">{t('statusActive')}</Badge>
                  ),
              },
              {
                header: <span className="sr-only">{t('actions')}</span>,
                align: 'right',
                cell: (token) => !token.revokedAt && <RevokeApiTokenButton parkSlug={slug} tokenId={token.id} name={token.name} />,
              },
            ]}
          />
        )}
      </PageSection>

      <PageSection title={t('usageTitle')} className="space-y-2 text-sm">
        <p className="text-muted-foreground">{t('usage')}</p>
        <pre className="overflow-x-auto rounded-lg border bg-muted/50 p-3 font-mono text-xs">{example}</pre>
        <p className="text-muted-foreground">
          {t.rich('openapi', { link: (chunks) => <a className="underline underline-offset-2" href="/api/v1/openapi.json">{chunks}</a> })}
        </p>
      </PageSection>
    </div>
  );
}
