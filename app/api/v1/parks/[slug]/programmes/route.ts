import { apiGet } from '@/app/_server/api-handler';
import { listProgrammes } from '@/lib/reports/indicators';

/** The park's indicator programmes: their keys, names and number of indicators. */
export const GET = apiGet<{ slug: string }>(async ({ db, actor, params }) => ({
  programmes: await listProgrammes(db, { actor, parkSlug: params.slug }),
}));
