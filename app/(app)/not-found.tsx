import { NotFoundView } from '@/app/_components/refusal';
import { wayBackIcons } from '@/app/_components/way-back-icons';

/** notFound() from any signed-in page (a missing record, or one the reader may not see): inside the shell. */
export default function NotFound() {
  return <NotFoundView icons={wayBackIcons} />;
}
