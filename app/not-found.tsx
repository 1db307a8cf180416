import { AppShell } from '@/app/(app)/_shell/app-shell';
import { NotFoundView } from '@/app/_components/refusal';
import { PublicFrame } from '@/app/_components/public-frame';
import { getActor } from '@/app/_server/session';

/**
 * An address no route answers. Next renders this one only inside the root layout, so it puts the
 * signed-in shell around the message itself; a reader who is not signed in gets the public frame.
 */
export default async function NotFound() {
  const actor = await getActor();
  if (actor?.type === 'user') {
    return (
      <AppShell actor={actor}>
        <NotFoundView />
      </AppShell>
    );
  }
  return (
    <PublicFrame>
      <NotFoundView />
    </PublicFrame>
  );
}
