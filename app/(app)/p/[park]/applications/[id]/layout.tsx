import { ClientMessages } from '@/app/_components/client-messages';

/** An application, for the park's staff: the messages its client components read (lib/i18n/client-messages.ts). */
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={['applicationStaff', 'closure', 'threads', 'validation']}>{children}</ClientMessages>;
}
