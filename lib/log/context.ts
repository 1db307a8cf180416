import { AsyncLocalStorage } from 'node:async_hooks';
import { REQUEST_CONTEXT } from './options.mjs';

/** What the log knows of the request being handled: filled in as the request is authenticated. */
export type RequestContext = { requestId: string; actorId?: string; park?: string };

type WithStore = typeof globalThis & { [REQUEST_CONTEXT]?: AsyncLocalStorage<RequestContext> };

/**
 * The store scripts/server.mjs runs each request in. It is kept on globalThis because the server and
 * Next's bundle each load their own copy of this module.
 */
export function requestContextStore(): AsyncLocalStorage<RequestContext> {
  const g = globalThis as WithStore;
  g[REQUEST_CONTEXT] ??= new AsyncLocalStorage<RequestContext>();
  return g[REQUEST_CONTEXT];
}

export function currentRequest(): RequestContext | undefined {
  return requestContextStore().getStore();
}

/** Records who is acting (and in which park) on the current request's log lines; outside a request it does nothing. */
export function noteRequestActor(actorId: string | null | undefined, park?: string): void {
  const context = currentRequest();
  if (!context) return;
  if (actorId) context.actorId = actorId;
  if (park) context.park = park;
}
