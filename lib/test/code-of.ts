import { AppError } from '@/lib/errors';

/**
 * How a call ended, as one word a test can compare: 'OK', or the AppError's code ('NOT_FOUND',
 * 'FORBIDDEN', …). Anything else thrown is a bug, not a refusal, so it is thrown on.
 */
export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'OK';
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

/** The AppError a call was refused with, to compare its key, params or fields; a call that succeeds fails the test. */
export async function refusalOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}
