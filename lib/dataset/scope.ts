import 'server-only';
import { sql, type SQL } from 'drizzle-orm';

/**
 * The companies that belong to a park's data set: those its data set brought in (park_id), and
 * those any of its applications, residencies, leases, tax incentives or KPI reports refer to
 * (an applicant's own company has no park).
 */
export function companyIdsOfPark(parkId: string): SQL {
  return sql`SELECT id FROM companies WHERE park_id = ${parkId}
    UNION SELECT company_id FROM applications WHERE park_id = ${parkId}
    UNION SELECT company_id FROM residencies WHERE park_id = ${parkId}
    UNION SELECT company_id FROM leases WHERE park_id = ${parkId}
    UNION SELECT company_id FROM tax_incentives WHERE park_id = ${parkId}
    UNION SELECT company_id FROM kpi_reports WHERE park_id = ${parkId}`;
}
