import { requireActor } from '@/app/_server/session';
import { AppShell } from './_shell/app-shell';

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  return <AppShell actor={await requireActor()}>{children}</AppShell>;
}
