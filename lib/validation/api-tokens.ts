import { z } from 'zod';

export const createApiTokenSchema = z.strictObject({
  parkSlug: z.string().min(1).max(100),
  name: z.string().trim().min(1, 'required').max(100),
});

export type CreateApiTokenInput = z.input<typeof createApiTokenSchema>;

/** Revoking one of the park's tokens (the token page's revoke button). */
export const revokeApiTokenSchema = z.strictObject({
  parkSlug: z.string().min(1).max(100),
  tokenId: z.uuid(),
});

export type RevokeApiTokenInput = z.input<typeof revokeApiTokenSchema>;
