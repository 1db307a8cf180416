import { notFound } from 'next/navigation';

/** An address no route answers, for a signed-in reader: the 404 inside the shell ((app)/not-found.tsx). */
export default function Missing(): never {
  notFound();
}
