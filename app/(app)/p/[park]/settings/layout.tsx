import { ClientMessages } from '@/app/_components/client-messages';

/** Park settings: the messages its client components read (lib/i18n/client-messages.ts). */
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={['rubric', 'serviceDesk', 'validation']}>{children}</ClientMessages>;
}
