import { LocaleSwitch } from './locale-switch';

/**
 * The signed-out frame: the sign-in and sign-up pages, and a 404 for a reader who is not signed in.
 * The language icon comes from the caller: the root boundaries (app/error.tsx, app/not-found.tsx) are
 * in every page's first load and show none, so no icon code ships with every page for them.
 */
export function PublicFrame({ children, languageIcon }: { children: React.ReactNode; languageIcon?: React.ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col bg-muted/40">
      <div className="flex justify-end p-4">
        <LocaleSwitch icon={languageIcon} />
      </div>
      <main className="flex flex-1 items-start justify-center px-4 pb-16 pt-4 sm:pt-12">{children}</main>
    </div>
  );
}
