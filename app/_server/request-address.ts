import 'server-only';
import { clientAddress, parseTrustedProxyHops } from '@/lib/auth/client-address';

/** Read when this module loads, so a wrong value fails every sign-in loudly rather than trusting the wrong entry. */
const trustedProxyHops = parseTrustedProxyHops(process.env.TRUSTED_PROXY_HOPS);

/** The client's network address from a request's X-Forwarded-For, trusting TRUSTED_PROXY_HOPS proxies. */
export function requestAddress(forwardedFor: string | null | undefined): string | null {
  return clientAddress(forwardedFor, trustedProxyHops);
}
