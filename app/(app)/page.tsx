import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { requireActor } from '@/app/_server/session';
import { listParks } from '@/lib/parks/parks';
import { homePathFor } from './_shell/home-path';

/** Everyone lands on the home of their role. */
export default async function Home() {
  const actor = await requireActor();
  const parks = actor.kind === 'staff' ? await listParks(await getDb(), { actor }) : [];
  redirect(homePathFor(actor, parks));
}
