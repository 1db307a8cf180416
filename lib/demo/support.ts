import 'server-only';
import { and, eq, isNull, or, gte } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { leases, services } from '@/db/schema';
import { systemActor } from '@/lib/auth/actor';
import { parkToday } from '@/lib/parks/clock';
import { setLeaseRates } from '@/lib/premises/leases';
import { createService } from '@/lib/services/catalogue';
import { createServiceRequest, deliverServiceRequest, startServiceRequest } from '@/lib/services/requests';
import { loadActor } from '@/lib/users/users';
import type { CreateServiceInput } from '@/lib/validation/services';

/** The Kuzbass catalogue: the park's functions towards its residents, at the market's price and at the resident's. */
const CATALOGUE: CreateServiceInput[] = [
  { name: 'Консультация по бизнес-планированию', kind: 'consulting', unit: 'hour', marketPriceRub: '3500.00', residentPriceRub: '1200.00' },
  { name: 'Юридическая консультация', kind: 'legal', unit: 'hour', marketPriceRub: '4000.00', residentPriceRub: '1500.00' },
  { name: 'Бухгалтерское сопровождение', kind: 'accounting', unit: 'day', marketPriceRub: '9000.00', residentPriceRub: '4500.00' },
  { name: 'Патентный поиск и заявка на изобретение', kind: 'ip', unit: 'item', marketPriceRub: '45000.00', residentPriceRub: '15000.00' },
  { name: 'Подготовка к привлечению инвестиций', kind: 'finance', unit: 'item', marketPriceRub: '60000.00', residentPriceRub: '20000.00' },
  { name: 'Переговорная комната', kind: 'room', unit: 'hour', marketPriceRub: '1500.00', residentPriceRub: '500.00' },
];

/** The year of delivered requests: which service (by catalogue position), how many units, how long ago. */
const DELIVERED: { service: number; quantity: string; daysAgo: number }[] = [
  { service: 0, quantity: '4', daysAgo: 340 },
  { service: 5, quantity: '3', daysAgo: 310 },
  { service: 1, quantity: '2.5', daysAgo: 280 },
  { service: 3, quantity: '1', daysAgo: 240 },
  { service: 2, quantity: '5', daysAgo: 200 },
  { service: 5, quantity: '2', daysAgo: 170 },
  { service: 0, quantity: '6', daysAgo: 130 },
  { service: 4, quantity: '1', daysAgo: 95 },
  { service: 1, quantity: '1.5', daysAgo: 60 },
  { service: 5, quantity: '4', daysAgo: 30 },
];

/** Monthly rent per m² at signing: the resident's and the market's. */
const RATES = { rateRubPerM2Month: '350.00', marketRateRubPerM2Month: '720.00' };

const daysBefore = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

/**
 * The resident support of the Kuzbass demo, through the domain functions: the park's service
 * catalogue, rates on the leases in force in the last year, and a year of requests of the demo
 * applicant's company, dated back from today and delivered by the park, so the desk has history and
 * the summary's support is not zero. Additive: the published 2010–2016 figures do not change.
 * Idempotent: a park that has a catalogue is left as it is.
 */
export async function seedSupport(db: Db, { parkId, applicantId, companyId }: { parkId: string; applicantId: string; companyId: string | null }): Promise<void> {
  const [existing] = await db.select({ id: services.id }).from(services).where(eq(services.parkId, parkId)).limit(1);
  if (existing) return;
  const actor = systemActor('seed');
  const today = await parkToday(db, parkId);
  const catalogue = [];
  for (const input of CATALOGUE) catalogue.push(await createService(db, { actor, parkId, input }));

  const yearAgo = daysBefore(today, 365);
  const recent = await db
    .select({ id: leases.id })
    .from(leases)
    .where(and(eq(leases.parkId, parkId), isNull(leases.rateRubPerM2Month), or(isNull(leases.endOn), gte(leases.endOn, yearAgo))));
  for (const lease of recent) await setLeaseRates(db, { actor, parkId, input: { leaseId: lease.id, ...RATES } });

  const applicant = await loadActor(db, applicantId);
  if (!companyId || !applicant || applicant.type !== 'user') return;
  for (const step of DELIVERED) {
    const requestedOn = daysBefore(today, step.daysAgo);
    const request = await createServiceRequest(db, {
      actor: applicant,
      parkId,
      input: { companyId, serviceId: catalogue[step.service].id, quantity: step.quantity, description: catalogue[step.service].name },
      today: requestedOn,
    });
    await deliverServiceRequest(db, { actor, parkId, input: { requestId: request.id, quantity: step.quantity }, today: daysBefore(today, step.daysAgo - 2) });
  }
  // One waiting on the desk and one in progress.
  await createServiceRequest(db, { actor: applicant, parkId, input: { companyId, serviceId: catalogue[3].id, quantity: '1', description: 'Патентный поиск по новой модели датчика' }, today });
  const inProgress = await createServiceRequest(db, {
    actor: applicant,
    parkId,
    input: { companyId, serviceId: catalogue[1].id, quantity: '2', description: 'Проверка договора поставки' },
    today: daysBefore(today, 3),
  });
  await startServiceRequest(db, { actor, parkId, input: { requestId: inProgress.id } });
}
