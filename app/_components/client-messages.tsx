import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import { BASE_NAMESPACES, pickMessages } from '@/lib/i18n/client-messages';

/**
 * Gives the client components below it the message namespaces they read, and no others
 * (lib/i18n/client-messages.ts). It replaces the root layout's messages for its subtree.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: readonly string[]; children: React.ReactNode }) {
  const messages = pickMessages(await getMessages(), [...BASE_NAMESPACES, ...namespaces]);
  return <NextIntlClientProvider messages={messages}>{children}</NextIntlClientProvider>;
}
