import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { queryRows } from '@/db/rows';
import type { IndicatorValueKind } from '@/db/schema/values';
import type { Actor } from '@/lib/auth/actor';
import { figuresOf } from '@/lib/kpi/common';
import { getParkBySlug } from '@/lib/parks/parks';
import {
  DATASET_FORMAT,
  type Dataset,
  type DatasetApplication,
  type DatasetBudgetFunding,
  type DatasetCompany,
  type DatasetKpiReport,
  type DatasetLease,
  type DatasetPremises,
  type DatasetProgramme,
  type DatasetResidency,
  type DatasetService,
  type DatasetServiceRequest,
  type DatasetTaxIncentive,
} from '@/lib/validation/dataset';
import { companyIdsOfPark } from './scope';

export type ExportDatasetOptions = { actor: Actor; parkSlug: string };

/**
 * The park's data set, `technopark-dataset/1`: what `importDataset` reads, so that importing it
 * into an empty database and exporting again gives the same JSON.
 *
 * - A record created in the UI has no `key`: its id is its key. A company is the park's by its key
 *   only when the park's data set brought it in; any other company the park's records refer to (an
 *   applicant's own, or one of another park's data set) is keyed by its id.
 * - Lists are ordered by key (code-point order, the same on every database); a programme's
 *   indicators keep their order, values by year then kind.
 * - An application's screening and council are its latest decisions. A draft application without
 *   a title yet, and KPI reports still in draft, are not part of the data set (the format requires
 *   a title and has no draft report status).
 * - Money and areas are strings with two decimals.
 *
 * Managers of the park and admins may export; anyone else is told the park does not exist.
 */
export async function exportDataset(db: Db, { actor, parkSlug }: ExportDatasetOptions): Promise<Dataset> {
  const park = await getParkBySlug(db, { actor, slug: parkSlug, action: 'dataset.export' });
  // One snapshot, so the lists agree with each other even while the park is being changed.
  return db.transaction((tx) => readDataset(tx, park.id), { isolationLevel: 'repeatable read', accessMode: 'read only' });
}

const byKey = <T extends { key: string }>(rows: T[]): T[] => rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

async function readDataset(tx: DbOrTx, parkId: string): Promise<Dataset> {
  const [park] = await queryRows<Dataset['park']>(
    tx,
    sql`SELECT slug, name, region, type::text AS type, land_area_ha::text AS "landAreaHa", founded_on::text AS "foundedOn"
        FROM parks WHERE id = ${parkId}`,
  );

  const buildingRows = await queryRows<{ id: string; key: string; name: string }>(
    tx,
    sql`SELECT id::text AS id, key, name FROM buildings WHERE park_id = ${parkId}`,
  );
  const buildingKey = new Map(buildingRows.map((b) => [b.id, b.key]));

  const premisesRows = await queryRows<DatasetPremises & { id: string; buildingId: string }>(
    tx,
    sql`SELECT id::text AS id, key, building_id::text AS "buildingId", name, kind::text AS kind, area_m2::text AS "areaM2",
          available_from::text AS "availableFrom", available_to::text AS "availableTo"
        FROM premises WHERE park_id = ${parkId}`,
  );
  const premisesKey = new Map(premisesRows.map((p) => [p.id, p.key]));

  const companyRows = await queryRows<DatasetCompany & { id: string }>(
    tx,
    sql`SELECT id::text AS id,
          CASE WHEN park_id = ${parkId} AND key IS NOT NULL THEN key ELSE id::text END AS key,
          name, inn, sme_category::text AS "smeCategory", industry, manufacturing
        FROM companies WHERE id IN (${companyIdsOfPark(parkId)})`,
  );
  const companyKey = new Map(companyRows.map((c) => [c.id, c.key]));

  const applicationRows = await queryRows<{ id: string; key: string; companyId: string; title: string; submittedOn: string | null }>(
    tx,
    sql`SELECT id::text AS id, coalesce(key, id::text) AS key, company_id::text AS "companyId", title, submitted_on::text AS "submittedOn"
        FROM applications WHERE park_id = ${parkId} AND NOT (submitted_on IS NULL AND btrim(title) = '')`,
  );
  const applicationKey = new Map(applicationRows.map((a) => [a.id, a.key]));
  const screenings = new Map(
    (
      await queryRows<{ applicationId: string } & NonNullable<DatasetApplication['screening']>>(
        tx,
        sql`SELECT DISTINCT ON (s.application_id) s.application_id::text AS "applicationId",
              s.decided_on::text AS "decidedOn", s.outcome::text AS outcome
            FROM screening_decisions s JOIN applications a ON a.id = s.application_id
            WHERE a.park_id = ${parkId}
            ORDER BY s.application_id, s.decided_on DESC, s.created_at DESC, s.id DESC`,
      )
    ).map(({ applicationId, ...screening }) => [applicationId, screening]),
  );
  const councils = new Map(
    (
      await queryRows<{ applicationId: string } & NonNullable<DatasetApplication['council']>>(
        tx,
        sql`SELECT DISTINCT ON (d.application_id) d.application_id::text AS "applicationId",
              d.decided_on::text AS "decidedOn", d.decision::text AS decision,
              coalesce(d.meeting_number, m.number) AS "meetingNumber",
              d.votes_for AS "votesFor", d.votes_against AS "votesAgainst", d.votes_abstain AS "votesAbstain"
            FROM council_decisions d LEFT JOIN council_meetings m ON m.id = d.meeting_id
            WHERE d.park_id = ${parkId}
            ORDER BY d.application_id, d.decided_on DESC, d.created_at DESC, d.id DESC`,
      )
    ).map(({ applicationId, ...council }) => [applicationId, council]),
  );

  const residencyRows = await queryRows<Omit<DatasetResidency, 'company' | 'application'> & { companyId: string; applicationId: string | null }>(
    tx,
    sql`SELECT coalesce(key, id::text) AS key, company_id::text AS "companyId", application_id::text AS "applicationId",
          agreement_number AS "agreementNumber", start_on::text AS "startOn", end_on::text AS "endOn", placement::text AS placement
        FROM residencies WHERE park_id = ${parkId}`,
  );

  const leaseRows = await queryRows<Omit<DatasetLease, 'company' | 'premises'> & { companyId: string; premisesId: string }>(
    tx,
    sql`SELECT coalesce(key, id::text) AS key, company_id::text AS "companyId", premises_id::text AS "premisesId",
          start_on::text AS "startOn", end_on::text AS "endOn",
          rate_rub_per_m2_month::text AS "rateRubPerM2Month", market_rate_rub_per_m2_month::text AS "marketRateRubPerM2Month"
        FROM leases WHERE park_id = ${parkId}`,
  );

  const serviceRows = await queryRows<DatasetService & { id: string }>(
    tx,
    sql`SELECT id::text AS id, coalesce(key, id::text) AS key, name, kind::text AS kind, unit::text AS unit,
          market_price_rub::text AS "marketPriceRub", resident_price_rub::text AS "residentPriceRub"
        FROM services WHERE park_id = ${parkId}`,
  );
  const serviceKey = new Map(serviceRows.map((s) => [s.id, s.key]));

  const requestRows = await queryRows<Omit<DatasetServiceRequest, 'company' | 'service'> & { companyId: string; serviceId: string }>(
    tx,
    sql`SELECT coalesce(key, id::text) AS key, company_id::text AS "companyId", service_id::text AS "serviceId",
          requested_on::text AS "requestedOn", status::text AS status, done_on::text AS "doneOn", quantity::text AS quantity,
          unit_price_rub::text AS "unitPriceRub", unit_market_price_rub::text AS "unitMarketPriceRub"
        FROM service_requests WHERE park_id = ${parkId}`,
  );

  const incentiveRows = await queryRows<Omit<DatasetTaxIncentive, 'company'> & { companyId: string }>(
    tx,
    sql`SELECT coalesce(key, id::text) AS key, company_id::text AS "companyId", kind::text AS kind, legal_basis AS "legalBasis",
          granted_on::text AS "grantedOn", valid_from::text AS "validFrom", valid_to::text AS "validTo"
        FROM tax_incentives WHERE park_id = ${parkId}`,
  );

  const reportRows = await queryRows<Omit<DatasetKpiReport, 'company'> & { companyId: string }>(
    tx,
    sql`SELECT coalesce(key, id::text) AS key, company_id::text AS "companyId", year, quarter, status::text AS status,
          jobs_created AS "jobsCreated", headcount, investment_rub::text AS "investmentRub",
          capital_investment_rub::text AS "capitalInvestmentRub", income_rub::text AS "incomeRub",
          taxes_paid_rub::text AS "taxesPaidRub", rnd_spend_rub::text AS "rndSpendRub"
        FROM kpi_reports WHERE park_id = ${parkId} AND status <> 'draft'`,
  );

  const fundingRows = await queryRows<DatasetBudgetFunding>(
    tx,
    sql`SELECT coalesce(key, id::text) AS key, year, source::text AS source, amount_rub::text AS "amountRub"
        FROM budget_funding WHERE park_id = ${parkId}`,
  );

  const programmeRows = await queryRows<{ id: string; key: string; name: string }>(
    tx,
    sql`SELECT id::text AS id, key, name FROM programmes WHERE park_id = ${parkId}`,
  );
  const indicatorRows = await queryRows<{ id: string; programmeId: string } & Omit<DatasetProgramme['indicators'][number], 'values'>>(
    tx,
    sql`SELECT i.id::text AS id, i.programme_id::text AS "programmeId", i.key, i.name, i.unit, i.direction::text AS direction
        FROM indicators i JOIN programmes p ON p.id = i.programme_id
        WHERE p.park_id = ${parkId}
        ORDER BY i.position, i.key COLLATE "C"`,
  );
  const valueRows = await queryRows<{ indicatorId: string; year: number; kind: IndicatorValueKind; value: string }>(
    tx,
    sql`SELECT v.indicator_id::text AS "indicatorId", v.year, v.kind::text AS kind, v.value::text AS value
        FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id JOIN programmes p ON p.id = i.programme_id
        WHERE p.park_id = ${parkId}
        ORDER BY v.year, v.kind::text COLLATE "C"`,
  );

  const company = (id: string) => companyKey.get(id)!;
  return {
    format: DATASET_FORMAT,
    park,
    buildings: byKey(buildingRows.map(({ key, name }) => ({ key, name }))),
    premises: byKey(
      premisesRows.map((p) => ({
        key: p.key,
        building: buildingKey.get(p.buildingId)!,
        name: p.name,
        kind: p.kind,
        areaM2: p.areaM2,
        availableFrom: p.availableFrom,
        availableTo: p.availableTo,
      })),
    ),
    companies: byKey(
      // The query reads a data-set company's fields, and its id for the records that refer to it.
      companyRows.map(({ id: _id, ...company }) => company),
    ),
    applications: byKey(
      applicationRows.map((a) => {
        const screening = screenings.get(a.id);
        const council = councils.get(a.id);
        return {
          key: a.key,
          company: company(a.companyId),
          title: a.title,
          submittedOn: a.submittedOn,
          screening: screening ? { decidedOn: screening.decidedOn, outcome: screening.outcome } : null,
          council: council
            ? {
                decidedOn: council.decidedOn,
                decision: council.decision,
                meetingNumber: council.meetingNumber,
                votesFor: council.votesFor,
                votesAgainst: council.votesAgainst,
                votesAbstain: council.votesAbstain,
              }
            : null,
        };
      }),
    ),
    residencies: byKey(
      residencyRows.map((r) => ({
        key: r.key,
        company: company(r.companyId),
        application: r.applicationId === null ? null : (applicationKey.get(r.applicationId) ?? null),
        agreementNumber: r.agreementNumber,
        startOn: r.startOn,
        endOn: r.endOn,
        placement: r.placement,
      })),
    ),
    leases: byKey(
      leaseRows.map((l) => ({
        key: l.key,
        company: company(l.companyId),
        premises: premisesKey.get(l.premisesId)!,
        startOn: l.startOn,
        endOn: l.endOn,
        rateRubPerM2Month: l.rateRubPerM2Month,
        marketRateRubPerM2Month: l.marketRateRubPerM2Month,
      })),
    ),
    taxIncentives: byKey(
      incentiveRows.map((t) => ({
        key: t.key,
        company: company(t.companyId),
        kind: t.kind,
        legalBasis: t.legalBasis,
        grantedOn: t.grantedOn,
        validFrom: t.validFrom,
        validTo: t.validTo,
      })),
    ),
    kpiReports: byKey(
      reportRows.map((k) => ({
        key: k.key,
        company: company(k.companyId),
        year: k.year,
        quarter: k.quarter,
        status: k.status,
        ...figuresOf(k),
      })),
    ),
    budgetFunding: byKey(fundingRows.map(({ key, year, source, amountRub }) => ({ key, year, source, amountRub }))),
    services: byKey(serviceRows.map(({ key, name, kind, unit, marketPriceRub, residentPriceRub }) => ({ key, name, kind, unit, marketPriceRub, residentPriceRub }))),
    serviceRequests: byKey(
      requestRows.map((r) => ({
        key: r.key,
        company: company(r.companyId),
        service: serviceKey.get(r.serviceId)!,
        requestedOn: r.requestedOn,
        status: r.status,
        doneOn: r.doneOn,
        quantity: r.quantity,
        unitPriceRub: r.unitPriceRub,
        unitMarketPriceRub: r.unitMarketPriceRub,
      })),
    ),
    programmes: byKey(
      programmeRows.map((p) => ({
        key: p.key,
        name: p.name,
        indicators: indicatorRows
          .filter((i) => i.programmeId === p.id)
          .map((i) => ({
            key: i.key,
            name: i.name,
            unit: i.unit,
            direction: i.direction,
            values: valueRows.filter((v) => v.indicatorId === i.id).map((v) => ({ year: v.year, kind: v.kind, value: Number(v.value) })),
          })),
      })),
    ),
  };
}
