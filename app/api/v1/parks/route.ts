import { apiGet } from '@/app/_server/api-handler';
import { listParks } from '@/lib/parks/parks';

/** The parks the caller may read. */
export const GET = apiGet(async ({ db, actor }) => {
  const parks = await listParks(db, { actor });
  return { parks: parks.map(({ slug, name, region, type }) => ({ slug, name, region, type })) };
});
