'use client';

import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/**
 * False in the server render and until React has hydrated the page. Submit buttons of forms handled
 * by react-hook-form stay disabled until then, so an early click cannot fall back to the browser's
 * own GET submission (which would put the form's values in the URL and do nothing).
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
