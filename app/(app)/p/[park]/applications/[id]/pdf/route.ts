import { getLocale } from 'next-intl/server';
import { parkFileResponse } from '@/app/_server/file-response';
import { applicationToPdf } from '@/lib/export/application-pdf';
import { getParkApplication } from '@/lib/applications/applications';
import type { Locale } from '@/lib/i18n/locales';

// pdfkit and the font files need Node's fs.
export const runtime = 'nodejs';

/** GET /p/{park}/applications/{id}/pdf: an application of the park as a PDF packet, for its staff (lib/ decides; else 404). */
export async function GET(_request: Request, { params }: { params: Promise<{ park: string; id: string }> }) {
  const { park: slug, id } = await params;
  const locale = (await getLocale()) as Locale;
  return parkFileResponse(slug, 'application.readPark', `${slug}-application-${id.slice(0, 8)}.pdf`, async ({ actor, db, park }) => {
    const application = await getParkApplication(db, { actor, parkId: park.id, applicationId: id });
    return { body: await applicationToPdf(application, { locale, timeZone: park.timeZone }), contentType: 'application/pdf' };
  });
}
