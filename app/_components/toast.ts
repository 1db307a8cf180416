'use client';

/*
 * The app's toasts: sonner's, loaded with the first toast instead of with every page. `toast.success`
 * and `toast.error` take the message; the host in the root layout (providers.tsx) mounts sonner's
 * Toaster when the first one is asked for, and sonner shows it once the Toaster subscribes.
 */

type Kind = 'success' | 'error';

let asked = false;
const hosts = new Set<() => void>();

function show(kind: Kind, message: string) {
  if (!asked) {
    asked = true;
    for (const host of hosts) host();
  }
  void import('sonner').then(({ toast: sonner }) => sonner[kind](message));
}

export const toast = {
  success: (message: string) => show('success', message),
  error: (message: string) => show('error', message),
};

/** Calls `mount` when the first toast is asked for (at once if one already was); returns the unsubscribe. */
export function onFirstToast(mount: () => void): () => void {
  if (asked) mount();
  hosts.add(mount);
  return () => void hosts.delete(mount);
}
