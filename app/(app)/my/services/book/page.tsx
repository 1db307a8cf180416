import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/app/_components/page-header';
import { EmptyState } from '@/app/_components/ui/empty-state';
import { SectionCard } from '@/app/_components/ui/section-card';
import { requireActor } from '@/app/_server/session';
import { getDb } from '@/db/client';
import { formatRub } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import { listBookableResources } from '@/lib/services/bookings';
import { clockOf } from '@/lib/validation/clock';

export default async function BookResourcesPage() {
  const actor = await requireActor();
  const parks = await listBookableResources(await getDb(), { actor });
  const t = await getTranslations('bookings');
  const desk = await getTranslations('serviceDesk');
  const locale = (await getLocale()) as Locale;
  return (
    <div className="max-w-4xl space-y-6">
      <Link href="/my/services" className="text-sm text-muted-foreground hover:underline">
        ← {desk('my.back')}
      </Link>
      <PageHeader title={t('book.title')} description={t('book.subtitle')} />
      {parks.length === 0 && <EmptyState>{t('book.none')}</EmptyState>}
      {parks.map((park) => (
        <SectionCard key={park.parkId} title={park.parkName}>
          <ul className="divide-y">
            {park.resources.map((r) => (
              <li key={r.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                <div>
                  <Link href={`/my/services/book/${r.id}`} className="font-medium text-primary hover:underline">
                    {r.name}
                  </Link>
                  <p className="text-sm text-muted-foreground">
                    {r.weekdays.map((d) => t(`weekdays.${d}`)).join(', ')} · {t('hours', { opens: clockOf(r.opensMinute), closes: clockOf(r.closesMinute) })} ·{' '}
                    {t('perHour', { price: formatRub(r.residentPriceRub, locale) })}
                  </p>
                  {r.description && <p className="text-sm">{r.description}</p>}
                </div>
              </li>
            ))}
          </ul>
        </SectionCard>
      ))}
    </div>
  );
}
