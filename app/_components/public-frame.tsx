import { Languages } from 'lucide-react';
import { LocaleSwitch } from './locale-switch';

/** The signed-out frame: the sign-in and sign-up pages, and a 404 for a reader who is not signed in. */
export function PublicFrame({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col bg-muted/40">
      <div className="flex justify-end p-4">
        <LocaleSwitch icon={<Languages className="hidden size-4 sm:block" aria-hidden />} />
      </div>
      <main className="flex flex-1 items-start justify-center px-4 pb-16 pt-4 sm:pt-12">{children}</main>
    </div>
  );
}
