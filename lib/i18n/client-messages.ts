/**
 * Which messages reach the browser. The whole catalogue went into every page's React payload (95 kB
 * of the sign-in page's 104 kB), and later every client namespace did (70 kB of the reports page's
 * 156 kB): the payload is rendered, escaped into the HTML and compressed on every request.
 *
 * Now the root layout sends the signed-in frame's and the error views' namespaces (SHELL_NAMESPACES),
 * and each area that has client components which read messages wraps its pages in
 * <ClientMessages namespaces={[…]}> (app/_components/client-messages.tsx), in a layout of its own.
 * client-messages.test.ts reads the import graph of every route and fails when a client component's
 * namespace is not in the nearest provider above it.
 */
export const SHELL_NAMESPACES = ['common', 'nav', 'accountMenu'] as const;

/** What every <ClientMessages> sends besides its own namespaces (the error views and buttons read it). */
export const BASE_NAMESPACES = ['common'] as const;

type Tree = { [key: string]: unknown };
const isTree = (value: unknown): value is Tree => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The part of a catalogue under the given namespaces (a dotted one as its subtree). */
export function pickMessages(messages: Tree, namespaces: readonly string[]): Tree {
  const picked: Tree = {};
  for (const namespace of namespaces) {
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
