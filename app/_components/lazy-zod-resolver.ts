'use client';

import type { FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';

/**
 * A react-hook-form resolver that validates with the form's own zod schema (the one its action
 * parses on the server), loading the schema, zod and the resolver on first use instead of with the
 * page: zod is the largest part of a form page's JavaScript, and nothing needs it before the reader
 * submits. `load` imports the schema's module, e.g.
 * `lazyZodResolver(() => import('@/lib/validation/parks').then((m) => m.parkTimeZoneSchema))`.
 * The form's value type comes from the schema with a type-only import.
 */
export function lazyZodResolver<V extends FieldValues>(load: () => Promise<z.ZodType<unknown, V>>): Resolver<V> {
  return async (values, context, options) => {
    const [{ zodResolver }, schema] = await Promise.all([import('@hookform/resolvers/zod'), load()]);
    return (zodResolver(schema) as Resolver<V>)(values, context, options);
  };
}
