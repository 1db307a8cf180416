import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/app/_components/page-header';
import { ButtonLink } from '@/app/_components/ui/button';
import { Thread } from '@/app/_components/thread';
import { SectionCard } from '@/app/_components/ui/section-card';
import { orNotFound } from '@/app/_server/not-found';
import { requireActor } from '@/app/_server/session';
import { RequestDetails } from '@/app/(app)/_services/request-details';
import { getDb } from '@/db/client';
import { zoneOr } from '@/lib/dates';
import { getServiceRequest } from '@/lib/services/requests';
import { isUuid } from '@/lib/validation/uuid';
import { CancelRequestForm } from './cancel-form';

export default async function MyServiceRequestPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor();
  if (!isUuid(id)) notFound();
  const db = await getDb();
  const request = await orNotFound(getServiceRequest(db, { actor, requestId: id }));
  const t = await getTranslations('serviceDesk');
  const bookingWords = await getTranslations('bookings');
  const zone = zoneOr(actor.timeZone);
  const open = request.status === 'requested' || request.status === 'in_progress';
  return (
    <div className="max-w-6xl space-y-6">
      <Link href="/my/services" className="text-sm text-muted-foreground hover:underline">
        ← {t('my.back')}
      </Link>
      <PageHeader
        title={t('request.title', { service: request.serviceName })}
        description={t('request.subtitle', { company: request.companyName })}
        actions={request.resourceId ? <ButtonLink variant="outline" href={`/my/services/book/${request.resourceId}`}>{bookingWords('resources.calendar')}</ButtonLink> : undefined}
      />
      <RequestDetails request={request} zone={zone} />
      {/* A booking is cancelled on its calendar, up to the park's notice; its request goes with it. */}
      {open && !request.bookingId && (
        <SectionCard title={t('my.cancelTitle')} description={t('my.cancelHint')}>
          <CancelRequestForm requestId={request.id} />
        </SectionCard>
      )}
      <Thread db={db} actor={actor} subject="serviceRequest" subjectId={request.id} zone={zone} />
    </div>
  );
}
