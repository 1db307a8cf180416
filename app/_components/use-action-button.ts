'use client';

import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { toast } from '@/app/_components/toast';
import type { ActionResult } from '@/app/_server/action';
import { useHydrated } from './use-hydrated';

/**
 * A button that runs one server action: `busy` until hydrated and while the action runs; a refusal is
 * shown as a toast; on success an optional toast, then `onDone` or a refresh of the page's data.
 */
export function useActionButton<I, T>(
  action: (input: I) => Promise<ActionResult<T>>,
  { success, onDone }: { success?: string; onDone?: (data: T) => void } = {},
) {
  const hydrated = useHydrated();
  const router = useRouter();
  const [pending, start] = useTransition();
  const run = (input: I) =>
    start(async () => {
      const result = await action(input);
      if (!result.ok) return void toast.error(result.formError ?? '');
      if (success) toast.success(success);
      if (onDone) onDone(result.data);
      else router.refresh();
    });
  return { run, busy: !hydrated || pending };
}
