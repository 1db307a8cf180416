import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/app/_components/page-header';
import { ButtonLink } from '@/app/_components/ui/button';
import { Thread } from '@/app/_components/thread';
import { SectionCard } from '@/app/_components/ui/section-card';
import { orNotFound } from '@/app/_server/not-found';
import { parkContext } from '@/app/_server/park-context';
import { RequestDetails } from '@/app/(app)/_services/request-details';
import { can } from '@/lib/auth/permissions';
import { getServiceRequest, listServiceStaff } from '@/lib/services/requests';
import { isUuid } from '@/lib/validation/uuid';
import { AssignForm, DeliverForm, RefuseForm, StartForm } from './request-actions';

export default async function ServiceRequestPage({ params }: { params: Promise<{ park: string; id: string }> }) {
  const { park: slug, id } = await params;
  const { actor, db, park } = await parkContext(slug, 'serviceRequest.read');
  if (!isUuid(id)) notFound();
  const request = await orNotFound(getServiceRequest(db, { actor, requestId: id }));
  // A representative who is also staff elsewhere reaches another park's request only through its own park.
  if (request.parkId !== park.id) notFound();
  const t = await getTranslations('serviceDesk');
  const bookingWords = await getTranslations('bookings');
  const open = request.status === 'requested' || request.status === 'in_progress';
  const handles = open && can(actor, 'serviceRequest.handle', park.id);
  const staff = handles ? await listServiceStaff(db, { actor, parkId: park.id }) : [];

  return (
    <div className="max-w-6xl space-y-6">
      <Link href={`/p/${slug}/services`} className="text-sm text-muted-foreground hover:underline">
        ← {t('desk.back')}
      </Link>
      <PageHeader
        title={t('request.title', { service: request.serviceName })}
        description={t('request.subtitle', { company: request.companyName })}
        actions={request.resourceId ? <ButtonLink variant="outline" href={`/p/${slug}/services/resources/${request.resourceId}`}>{bookingWords('resources.calendar')}</ButtonLink> : undefined}
      />
      <RequestDetails request={request} zone={park.timeZone} />
      {handles && (
        <SectionCard title={t('actions.title')} description={t('actions.hint')} contentClassName="grid gap-6 md:grid-cols-2">
          <AssignForm parkId={park.id} requestId={request.id} assigneeId={request.assigneeId} staff={staff} />
          {request.status === 'requested' && <StartForm parkId={park.id} requestId={request.id} />}
          {/* A booking's request is done when the booking has taken place, and cancelled with it. */}
          {!request.bookingId && <DeliverForm parkId={park.id} requestId={request.id} quantity={request.quantity} />}
          {!request.bookingId && <RefuseForm parkId={park.id} requestId={request.id} />}
        </SectionCard>
      )}
      <Thread db={db} actor={actor} subject="serviceRequest" subjectId={request.id} zone={park.timeZone} />
    </div>
  );
}
