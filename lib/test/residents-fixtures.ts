import { getDb } from '@/db/client';
import { applications, companies, companyMembers, councilDecisions, screeningDecisions } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import type { UserActor } from '@/lib/auth/permissions';
import { createBuilding, createUnit } from '@/lib/premises/premises';
import { admitResident } from '@/lib/residents/residents';
import { uniq, makeApplicant } from './fixtures';

const DEFAULT_SUBMITTED_ON = '2023-01-10';
const DEFAULT_DECIDED_ON = '2023-02-23';

/**
 * A company whose application the council approved, written directly: the application and council
 * flows are another area's, and admission only needs their outcome (applications.status = 'approved').
 */
export async function makeApprovedApplication(
  parkId: string,
  options: {
    name?: string;
    sme?: 'micro' | 'small' | 'medium' | 'none';
    industry?: string | null;
    manufacturing?: boolean;
    submittedOn?: string;
    decidedOn?: string;
    status?: 'approved' | 'in_review' | 'rejected';
    /** Another application of an existing company. */
    companyId?: string;
    /** A data-set company of the park, known by its key (unique within the park). */
    key?: string;
    inn?: string | null;
  } = {},
): Promise<{ applicationId: string; companyId: string; companyName: string }> {
  const db = await getDb();
  const companyName = options.name ?? `ООО «${uniq('Test ')}»`;
  const submittedOn = options.submittedOn ?? DEFAULT_SUBMITTED_ON;
  const decidedOn = options.decidedOn ?? DEFAULT_DECIDED_ON;
  return db.transaction(async (tx) => {
    const [company] = options.companyId
      ? [{ id: options.companyId }]
      : await tx
          .insert(companies)
          .values({
            parkId: options.key ? parkId : null,
            key: options.key ?? null,
            inn: options.inn ?? null,
            name: companyName,
            smeCategory: options.sme ?? 'small',
            industry: options.industry === undefined ? 'software' : options.industry,
            manufacturing: options.manufacturing ?? false,
          })
          .returning({ id: companies.id });
    const status = options.status ?? 'approved';
    const [application] = await tx
      .insert(applications)
      .values({ parkId, companyId: company.id, title: `Project ${uniq()}`, status, submittedOn, wantsPremises: true })
      .returning({ id: applications.id });
    await tx.insert(screeningDecisions).values({ applicationId: application.id, outcome: 'accepted', decidedOn: submittedOn });
    if (status !== 'in_review') {
      await tx.insert(councilDecisions).values({ parkId, applicationId: application.id, decision: status === 'approved' ? 'approved' : 'rejected', decidedOn, meetingNumber: 1 });
    }
    return { applicationId: application.id, companyId: company.id, companyName };
  });
}

/** An applicant account that represents the company. */
export async function makeRepresentative(companyId: string) {
  const actor = await makeApplicant();
  const db = await getDb();
  await db.insert(companyMembers).values({ companyId, userId: actor.userId });
  return actor;
}

type ResidentOptions = Parameters<typeof makeApprovedApplication>[1] & { placement?: 'on_site' | 'extraterritorial'; startOn?: string; endOn?: string | null };

type Resident = Awaited<ReturnType<typeof makeApprovedApplication>> & { residencyId: string };

/**
 * A resident admitted through the domain function, from a fresh approved application (approved on
 * the day the residency starts, when that is earlier than the default approval). With `represented`,
 * also an applicant account that represents it, added after the admission.
 */
export async function makeResident(actor: Actor, parkId: string, options?: ResidentOptions): Promise<Resident>;
export async function makeResident(actor: Actor, parkId: string, options: ResidentOptions & { represented: true }): Promise<Resident & { representative: UserActor }>;
export async function makeResident(actor: Actor, parkId: string, options: ResidentOptions & { represented?: boolean } = {}) {
  const startOn = options.startOn ?? '2023-03-01';
  const app = await makeApprovedApplication(parkId, {
    ...options,
    submittedOn: options.submittedOn ?? (startOn < DEFAULT_SUBMITTED_ON ? startOn : undefined),
    decidedOn: options.decidedOn ?? (startOn < DEFAULT_DECIDED_ON ? startOn : undefined),
  });
  const residency = await admitResident(await getDb(), {
    actor,
    parkId,
    input: {
      applicationId: app.applicationId,
      agreementNumber: `KT-${uniq()}`,
      agreementDate: startOn,
      startOn,
      endOn: options.endOn ?? null,
      placement: options.placement ?? 'on_site',
    },
  });
  const resident: Resident = { ...app, residencyId: residency.id };
  return options.represented ? { ...resident, representative: await makeRepresentative(app.companyId) } : resident;
}

/** A building and its units, through the domain functions. */
export async function makeUnits(
  actor: Actor,
  parkId: string,
  units: { name: string; kind?: 'office' | 'laboratory' | 'production' | 'coworking' | 'incubator' | 'other'; areaM2: string; availableFrom?: string | null; availableTo?: string | null }[],
  buildingName = `Building ${uniq()}`,
) {
  const db = await getDb();
  const building = await createBuilding(db, { actor, parkId, input: { name: buildingName } });
  const ids: string[] = [];
  for (const u of units) {
    const unit = await createUnit(db, {
      actor,
      parkId,
      input: { buildingId: building.id, name: u.name, kind: u.kind ?? 'office', areaM2: u.areaM2, availableFrom: u.availableFrom ?? null, availableTo: u.availableTo ?? null },
    });
    ids.push(unit.id);
  }
  return { buildingId: building.id, unitIds: ids };
}
