import { PublicFrame } from '@/app/_components/public-frame';

export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return <PublicFrame>{children}</PublicFrame>;
}
