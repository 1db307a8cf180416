/**
 * Prepares the scale-out run's fresh PostgreSQL database before any server starts: migrations, the
 * demo data, and one expert review due tomorrow that nobody was reminded of yet. The two servers,
 * started together, must then send that reminder once between them. Prints the assignment's id.
 */
import { sql } from 'drizzle-orm';
import { closeDb, getDb } from '@/db/client';
import { queryRows } from '@/db/rows';
import { seedDemo } from '@/lib/demo/seed';

async function main() {
  const db = await getDb();
  await seedDemo(db);
  const [due] = await queryRows<{ id: string }>(
    db,
    sql`UPDATE expert_assignments SET due_on = current_date + 1, reminder_sent_at = NULL
        WHERE id = (SELECT id FROM expert_assignments WHERE status = 'assigned' ORDER BY id LIMIT 1)
        RETURNING id`,
  );
  await db.execute(sql`DELETE FROM notifications WHERE kind = 'reviewDueSoon'`);
  await closeDb();
  if (!due) throw new Error('the demo data has no open expert assignment');
  process.stdout.write(`${due.id}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : error}\n`);
    process.exit(1);
  },
);
