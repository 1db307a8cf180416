import { z } from 'zod';
import { PARK_ROLES, USER_KINDS } from '@/db/schema/values';

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

export const signInSchema = z.strictObject({
  email: emailSchema,
  password: z.string().min(1, 'required').max(200, 'tooLong'),
});

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
export type SignUpInput = z.infer<typeof signUpSchema>;
export type CreateUserInput = z.input<typeof createUserSchema>;
