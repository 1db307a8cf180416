import { ClientMessages } from '@/app/_components/client-messages';

/** The applicant's applications: the messages its client components read (lib/i18n/client-messages.ts). */
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={['applications', 'threads', 'validation']}>{children}</ClientMessages>;
}
