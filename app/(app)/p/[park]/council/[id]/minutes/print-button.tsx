'use client';

import { Printer } from 'lucide-react';
import { Button } from '@/app/_components/ui/button';

export function PrintButton({ label }: { label: string }) {
  return (
    <Button type="button" onClick={() => window.print()}>
      <Printer aria-hidden />
      {label}
    </Button>
  );
}
