import { ClientMessages } from '@/app/_components/client-messages';

/** The resident's service requests: the messages its client components read (lib/i18n/client-messages.ts). */
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={['serviceDesk', 'bookings', 'threads', 'validation']}>{children}</ClientMessages>;
}
