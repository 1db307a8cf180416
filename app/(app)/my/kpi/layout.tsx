import { ClientMessages } from '@/app/_components/client-messages';

/** The resident's KPI reports: the messages its client components read (lib/i18n/client-messages.ts). */
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={['kpi', 'myKpi', 'threads', 'validation']}>{children}</ClientMessages>;
}
