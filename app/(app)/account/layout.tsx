import { ClientMessages } from '@/app/_components/client-messages';

/** Account pages: the messages its client components read (lib/i18n/client-messages.ts). */
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={['account', 'auth', 'validation']}>{children}</ClientMessages>;
}
