'use client';

import { ErrorView } from '@/app/_components/error-view';
import { PublicFrame } from '@/app/_components/public-frame';

/** A failure outside the signed-in pages' own boundary (the shell itself, the sign-in pages): in the public frame. */
export default function ErrorPage(props: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <PublicFrame>
      <ErrorView {...props} />
    </PublicFrame>
  );
}
