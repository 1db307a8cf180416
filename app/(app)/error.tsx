'use client';

import { ErrorView } from '@/app/_components/error-view';
import { wayBackIcons } from '@/app/_components/way-back-icons';

/** An unexpected failure in a signed-in page: said in the reader's language, inside the shell, with a retry. */
export default function ErrorPage(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorView {...props} icons={wayBackIcons} />;
}
