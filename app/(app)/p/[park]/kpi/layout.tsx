import { ClientMessages } from '@/app/_components/client-messages';

/** KPI reports, for the park's staff: the messages its client components read (lib/i18n/client-messages.ts). */
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={['kpi', 'threads', 'validation']}>{children}</ClientMessages>;
}
