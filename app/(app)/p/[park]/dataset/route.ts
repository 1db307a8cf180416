import { parkFileResponse } from '@/app/_server/file-response';
import { todayIso } from '@/lib/dates';
import { exportDataset } from '@/lib/dataset/export';

/**
 * The park's data set (`technopark-dataset/1`, docs/data-set.md) as a JSON file, for the park's managers
 * and admins: the same export as `cli export`, which lib/dataset checks the permission for again.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ park: string }> }) {
  const { park: slug } = await params;
  return parkFileResponse(
    slug,
    'dataset.export',
    (park) => `${park.slug}-dataset-${todayIso(park.timeZone)}.json`,
    async ({ actor, db, park }) => ({
      body: `${JSON.stringify(await exportDataset(db, { actor, parkSlug: park.slug }), null, 2)}\n`,
      contentType: 'application/json; charset=utf-8',
    }),
  );
}
