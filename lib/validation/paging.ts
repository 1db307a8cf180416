import { z } from 'zod';

/** A page cursor as it travels in a list's URL (`after` / `before`); lib/keyset.ts checks its content where it is read. */
export const pageCursorSchema = z.string().max(4000).optional().catch(undefined);
