import { getDb } from '@/db/client';
import { isDemoMode } from '@/db/config';

/** Migrations on first use, and the demo data when demo mode is on; shared by the server and `npm start`. */
export async function prepareDatabase(): Promise<void> {
  const db = await getDb();
  if (isDemoMode()) {
    const { seedDemo } = await import('@/lib/demo/seed');
    await seedDemo(db);
  }
}
