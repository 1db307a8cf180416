import { NotFoundView } from '@/app/_components/refusal';
import { PublicFrame } from '@/app/_components/public-frame';

/**
 * The root layout's 404: Next renders this element with every page (it is the root boundary's
 * fallback), so it reads nothing and stays small. An address no route answers is caught inside the
 * signed-in frame by app/(app)/[...missing]/page.tsx, which shows (app)/not-found.tsx in the shell;
 * this one is left for requests outside it.
 */
export default function NotFound() {
  return (
    <PublicFrame>
      <NotFoundView />
    </PublicFrame>
  );
}
