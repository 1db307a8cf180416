/**
 * The namespaces that client components read (`useTranslations` in app/ and lib/); every other
 * message is read on the server only. client-messages.test.ts keeps the list complete.
 */
export const CLIENT_NAMESPACES = [
  'account',
  'admin',
  'adminImport',
  'admission',
  'apiTokens',
  'applicationStaff.assign',
  'applicationStaff.assignments',
  'applicationStaff.close',
  'applicationStaff.screening',
  'applications',
  'auth',
  'bookings',
  'budget',
  'closure',
  'common',
  'companies',
  'council',
  'incentives',
  'kpi',
  'myKpi',
  'nav',
  'premises',
  'profile',
  'programmes',
  'reports.charts',
  'residents',
  'review.declaration',
  'review.scoring',
  'roles',
  'rubric',
  'serviceDesk',
  'threads',
  'validation',
] as const;

type Tree = { [key: string]: unknown };
const isTree = (value: unknown): value is Tree => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The part of a catalogue the browser needs: the client namespaces (a dotted one as its subtree).
 * The whole catalogue went into every page's React payload (95 kB of the sign-in page's 104 kB).
 */
export function clientMessages(messages: Tree): Tree {
  const picked: Tree = {};
  for (const namespace of CLIENT_NAMESPACES) {
    const path = namespace.split('.');
    let from: unknown = messages;
    let to = picked;
    path.forEach((key, i) => {
      from = isTree(from) ? from[key] : undefined;
      if (from === undefined) return;
      if (i === path.length - 1) to[key] = from;
      else to = (to[key] ??= {}) as Tree;
    });
  }
  return picked;
}
