import { FileText } from 'lucide-react';
import { Badge } from '@/app/_components/ui/badge';

/** One document of an application in a list: its name (a link to the file), its kind, then whatever the list adds. */
export function AttachmentLine({ id, fileName, kind, children }: { id: string; fileName: string; kind: string; children?: React.ReactNode }) {
  return (
    <li className="flex flex-wrap items-center gap-2 px-3 py-2 text-sm">
      <FileText className="size-4 text-muted-foreground" aria-hidden />
      <a href={`/files/${id}`} className="font-medium text-primary hover:underline">
        {fileName}
      </a>
      <Badge variant="outline">{kind}</Badge>
      {children}
    </li>
  );
}
