'use client';

import { ThemeProvider } from 'next-themes';
import { lazy, Suspense, useEffect, useState } from 'react';
import { onFirstToast } from './toast';

const Toaster = lazy(() => import('sonner').then((m) => ({ default: m.Toaster })));

/** sonner's Toaster, mounted with the first toast (./toast.ts), so no page carries it before one is shown. */
function ToastHost() {
  const [shown, setShown] = useState(false);
  useEffect(() => onFirstToast(() => setShown(true)), []);
  return shown ? (
    <Suspense>
      <Toaster richColors position="bottom-right" />
    </Suspense>
  ) : null;
}

export function Providers({ children, nonce }: { children: React.ReactNode; nonce?: string }) {
  return (
    <ThemeProvider attribute="class" defaultTheme="system" enableSystem disableTransitionOnChange nonce={nonce}>
      {children}
      <ToastHost />
    </ThemeProvider>
  );
}
