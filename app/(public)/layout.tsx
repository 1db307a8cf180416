import { Languages } from 'lucide-react';
import { PublicFrame } from '@/app/_components/public-frame';

export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return <PublicFrame languageIcon={<Languages className="hidden size-4 sm:block" aria-hidden />}>{children}</PublicFrame>;
}
