'use client';

import { Printer } from 'lucide-react';
import { Button } from '@/app/_components/ui/button';

/** Opens the browser's print dialog; the page's print styles make it a clean A4 document ("Save as PDF"). */
export function PrintButton({ label }: { label: string }) {
  return (
    <Button type="button" variant="outline" size="sm" onClick={() => window.print()}>
      <Printer aria-hidden />
      {label}
    </Button>
  );
}
