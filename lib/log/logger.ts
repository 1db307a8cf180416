import pino from 'pino';
import { currentRequest } from './context';
import { loggerOptions } from './options.mjs';

const globalKey = Symbol.for('technopark.logger');
type WithLogger = typeof globalThis & { [globalKey]?: pino.Logger };

function create(): pino.Logger {
  return pino({
    ...loggerOptions(),
    // Every line written while a request is handled names it, and its actor and park once known.
    mixin: () => {
      const context = currentRequest();
      if (!context) return {};
      return { reqId: context.requestId, ...(context.actorId ? { actorId: context.actorId } : {}), ...(context.park ? { park: context.park } : {}) };
    },
  });
}

/** The process's JSON logger (pino): one line per event on stdout, at LOG_LEVEL. */
export function logger(): pino.Logger {
  const g = globalThis as WithLogger;
  g[globalKey] ??= create();
  return g[globalKey];
}

const children = new Map<string, pino.Logger>();

/** The logger whose lines carry `component` (scheduler, mailer, auth …); one per component. */
export function loggerFor(component: string): pino.Logger {
  let child = children.get(component);
  if (!child) children.set(component, (child = logger().child({ component })));
  return child;
}
