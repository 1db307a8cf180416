import { z } from 'zod';
import { PARK_ROLES, USER_KINDS } from '@/db/schema/values';
import { pageCursorSchema } from './paging';

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'tooLong')
  .pipe(z.email({ message: 'invalidEmail' }));

export const passwordSchema = z
  .string()
  .min(10, 'passwordTooShort')
  .max(200, 'tooLong');

export const nameSchema = z.string().trim().min(1, 'required').max(200, 'tooLong');

/** A code from an authenticator app (six digits) or a recovery code (`k7m2-q9xa`). */
export const secondFactorCodeSchema = z.string().trim().min(1, 'required').max(20, 'tooLong');

/** `code` and `remember` only on the second step, for an account with two-factor sign-in. */
export const signInSchema = z.strictObject({
  email: emailSchema,
  password: z.string().min(1, 'required').max(200, 'tooLong'),
  code: z.union([z.literal(''), secondFactorCodeSchema]).optional(),
  remember: z.boolean().optional(),
});

export const passwordResetRequestSchema = z.strictObject({ email: emailSchema });

export const passwordResetSchema = z.strictObject({
  token: z.string().min(20, 'resetLinkInvalid').max(200, 'resetLinkInvalid'),
  password: passwordSchema,
});

export const secondFactorEnrolSchema = z.strictObject({ enrolment: z.string().min(1).max(4000), code: secondFactorCodeSchema });
export const secondFactorConfirmSchema = z.strictObject({ code: secondFactorCodeSchema });

export const signUpSchema = z.strictObject({
  name: nameSchema,
  email: emailSchema,
  password: passwordSchema,
});

export const roleAssignmentSchema = z.strictObject({
  parkId: z.uuid(),
  role: z.enum(PARK_ROLES),
});

export const createUserSchema = z.strictObject({
  name: nameSchema,
  email: emailSchema,
  password: passwordSchema,
  kind: z.enum(USER_KINDS),
  memberships: z.array(roleAssignmentSchema).max(200).default([]),
});

export type SignInInput = z.infer<typeof signInSchema>;
export type PasswordResetRequestInput = z.infer<typeof passwordResetRequestSchema>;
export type PasswordResetInput = z.infer<typeof passwordResetSchema>;
export type SecondFactorCodeInput = z.infer<typeof secondFactorConfirmSchema>;
export type SignUpInput = z.infer<typeof signUpSchema>;
export type CreateUserInput = z.input<typeof createUserSchema>;

/** An administrator's edit of an account: everything but the password, which its owner keeps. */
export const updateUserSchema = createUserSchema.omit({ password: true }).extend({ userId: z.uuid() });

export type UpdateUserInput = z.input<typeof updateUserSchema>;

/** What the users list filters by: a park role, or an account kind that holds none. */
export const USER_LIST_ROLES = ['admin', ...PARK_ROLES, 'applicant'] as const;

/** The users list's filters and page, as they travel in its query string; a value that is not one of the choices is ignored. */
export const userListQuerySchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  role: z.enum(USER_LIST_ROLES).optional().catch(undefined),
  park: z.uuid().optional().catch(undefined),
  state: z.enum(['active', 'disabled']).optional().catch(undefined),
  after: pageCursorSchema,
  before: pageCursorSchema,
});

export type UserListQuery = z.output<typeof userListQuerySchema>;
