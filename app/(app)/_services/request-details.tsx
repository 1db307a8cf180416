import { getLocale, getTranslations } from 'next-intl/server';
import { Badge } from '@/app/_components/ui/badge';
import { DetailItem, DetailList } from '@/app/_components/ui/detail-list';
import { SectionCard } from '@/app/_components/ui/section-card';
import { formatQuantity, formatDate, formatDateTime, formatRub } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import type { ServiceRequestDetailDto } from '@/lib/services/requests';
import { ServiceStatusBadge } from './service-status-badge';

/**
 * What a service request is, for both sides of the desk: the company, the service, the quantity, the
 * prices it was made at and the support they amount to, the description, and its history. Times are
 * in `zone`, the park's.
 */
export async function RequestDetails({ request, zone }: { request: ServiceRequestDetailDto; zone: string }) {
  const t = await getTranslations('serviceDesk');
  const locale = (await getLocale()) as Locale;
  const unit = t(`units.${request.unit}`);
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <SectionCard title={t('request.details')}>
        <DetailList>
          <DetailItem label={t('fields.company')}>{request.companyName}</DetailItem>
          <DetailItem label={t('fields.service')}>
            {request.serviceName} <span className="text-muted-foreground">· {t(`kinds.${request.kind}`)}</span>
          </DetailItem>
          <DetailItem label={t('fields.status')}>
            <span className="inline-flex flex-wrap items-center gap-2">
              <ServiceStatusBadge status={request.status} label={t(`statuses.${request.status}`)} />
              {request.overdue && <Badge variant="destructive">{t('overdue')}</Badge>}
            </span>
          </DetailItem>
          <DetailItem label={t('fields.requestedOn')}>{formatDate(request.requestedOn, locale)}</DetailItem>
          {request.doneOn && <DetailItem label={t('fields.doneOn')}>{formatDate(request.doneOn, locale)}</DetailItem>}
          <DetailItem label={request.status === 'done' ? t('fields.quantityDelivered') : t('fields.quantity')}>
            <span className="tabular-nums">{formatQuantity(request.quantity, locale)}</span> {t(`unitShort.${request.unit}`)}
          </DetailItem>
          <DetailItem label={t('fields.residentPrice')}>
            <span className="tabular-nums">{request.unitPriceRub ? t('perUnit', { price: formatRub(request.unitPriceRub, locale), unit }) : '—'}</span>
          </DetailItem>
          <DetailItem label={t('fields.marketPrice')}>
            <span className="tabular-nums">{request.unitMarketPriceRub ? t('perUnit', { price: formatRub(request.unitMarketPriceRub, locale), unit }) : '—'}</span>
          </DetailItem>
          <DetailItem label={t('fields.support')}>
            <span className="font-medium tabular-nums">{formatRub(request.supportRub, locale)}</span>
            <span className="block text-xs text-muted-foreground">{t('supportHint')}</span>
          </DetailItem>
          <DetailItem label={t('fields.assignee')}>{request.assigneeName ?? <span className="text-muted-foreground">{t('unassigned')}</span>}</DetailItem>
          <DetailItem label={t('fields.description')}>
            {request.description ? <span className="whitespace-pre-line">{request.description}</span> : <span className="text-muted-foreground">—</span>}
          </DetailItem>
          {request.reason && (
            <DetailItem label={request.status === 'refused' ? t('fields.refusalReason') : t('fields.cancelReason')}>
              <span className="whitespace-pre-line">{request.reason}</span>
            </DetailItem>
          )}
        </DetailList>
      </SectionCard>
      <SectionCard title={t('request.history')}>
        {request.history.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t('request.noHistory')}</p>
        ) : (
          <ol className="space-y-3 border-l pl-4">
            {request.history.map((h, i) => (
              <li key={i} className="text-sm">
                <p>
                  <span className="font-medium">{t.has(`historyActions.${h.action}`) ? t(`historyActions.${h.action}`) : h.action}</span>
                  {h.actorName ? ` · ${h.actorName}` : ''}
                </p>
                <p className="text-xs text-muted-foreground">{formatDateTime(h.at, locale, zone)}</p>
                {h.reason && <p className="mt-1 whitespace-pre-line rounded-md bg-muted px-3 py-2">{h.reason}</p>}
              </li>
            ))}
          </ol>
        )}
      </SectionCard>
    </div>
  );
}
