import type { NextRequest } from 'next/server';
import { getLocale, getTranslations } from 'next-intl/server';
import { signedInFileResponse } from '@/app/_server/file-response';
import { searchValues } from '@/app/_server/search-params';
import { exportAuditLog } from '@/lib/admin/audit-log';
import { todayIso } from '@/lib/dates';
import { csvDialectFor } from '@/lib/export/csv';
import type { Locale } from '@/lib/i18n/locales';

/** The audit log, filtered as on the page, as CSV (in the reader's regional dialect) or XLSX; administrators only (lib/ checks). */
export async function GET(request: NextRequest) {
  const search = searchValues(request.nextUrl.searchParams);
  const format = search.format === 'xlsx' ? 'xlsx' : 'csv';
  const { format: _, ...filters } = search;
  const dialect = csvDialectFor((await getLocale()) as Locale);
  return signedInFileResponse(`audit-log-${todayIso()}.${format}`, async ({ actor, db }) => {
    const t = await getTranslations('auditLog');
    return exportAuditLog(db, { actor, filters, format, dialect, label: (key) => t(key) });
  });
}
