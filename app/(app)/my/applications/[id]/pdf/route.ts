import { getLocale } from 'next-intl/server';
import { signedInFileResponse } from '@/app/_server/file-response';
import { zoneOr } from '@/lib/dates';
import { applicationToPdf } from '@/lib/export/application-pdf';
import { getMyApplication } from '@/lib/applications/applications';
import type { Locale } from '@/lib/i18n/locales';

// pdfkit and the font files need Node's fs.
export const runtime = 'nodejs';

/** GET /my/applications/{id}/pdf: the applicant's own application as a PDF packet (lib/ decides who may; else 404). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const locale = (await getLocale()) as Locale;
  return signedInFileResponse(`application-${id.slice(0, 8)}.pdf`, async ({ actor, db }) => {
    const application = await getMyApplication(db, { actor, applicationId: id });
    const timeZone = zoneOr(actor.type === 'user' ? actor.timeZone : null);
    return { body: await applicationToPdf(application, { locale, timeZone }), contentType: 'application/pdf' };
  });
}
