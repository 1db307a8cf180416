import { ButtonLink } from './button';

/** One side: its label, and where it leads (null: there is no page that way). */
type Side = { label: string; href: string | null };

/**
 * Previous / Next under a keyset-paged list (lib/keyset.ts): links that carry the cursor in the URL.
 * A side with no page is left out (an empty slot keeps the other in its place); nothing is shown when
 * there is one page.
 */
export function PageLinks({ label, previous, next }: { label: string; previous: Side; next: Side }) {
  if (!previous.href && !next.href) return null;
  const side = ({ label, href }: Side) =>
    href ? (
      <ButtonLink variant="outline" size="sm" href={href}>
        {label}
      </ButtonLink>
    ) : (
      <span />
    );
  return (
    <nav className="flex items-center justify-between gap-2 text-sm" aria-label={label}>
      {side(previous)}
      {side(next)}
    </nav>
  );
}
