'use client';

import { ErrorView } from '@/app/_components/error-view';

/** An unexpected failure in a signed-in page: said in the reader's language, inside the shell, with a retry. */
export default function ErrorPage(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorView {...props} />;
}
