import { ClientMessages } from '@/app/_components/client-messages';

/** A resident's profile: the messages its client components read (lib/i18n/client-messages.ts). */
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={['profile', 'residents', 'validation']}>{children}</ClientMessages>;
}
