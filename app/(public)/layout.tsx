import { Languages } from 'lucide-react';
import { ClientMessages } from '@/app/_components/client-messages';
import { PublicFrame } from '@/app/_components/public-frame';

/** The signed-out pages: the frame reads the root layout's messages, the forms inside it their own. */
export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <PublicFrame languageIcon={<Languages className="hidden size-4 sm:block" aria-hidden />}>
      <ClientMessages namespaces={['auth', 'account', 'validation']}>{children}</ClientMessages>
    </PublicFrame>
  );
}
