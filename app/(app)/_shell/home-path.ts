import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/permissions';

/** The first page a person sees after signing in, by what they do. */
export function homePathFor(actor: Actor, parks: { id: string; slug: string }[]): string {
  if (actor.type !== 'user') return '/sign-in';
  if (actor.kind === 'admin') return '/admin';
  if (actor.kind === 'applicant') return '/my';
  const managed = parks.find((p) => can(actor, 'application.readPark', p.id));
  if (managed) return `/p/${managed.slug}`;
  const reviewing = parks.find((p) => can(actor, 'review.submit', p.id));
  if (reviewing) return `/p/${reviewing.slug}/reviews`;
  if (parks.some((p) => can(actor, 'report.read', p.id))) return '/compare';
  return '/notifications';
}
