import fs from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';

/*
 * What every command module shares: the command type, usage errors (exit 2), strict option parsing
 * and where a result goes. The registry (commands.ts) imports the commands; the commands import only
 * this, so no command depends on the registry that lists it.
 */

export class UsageError extends Error {}

export type Command = (args: string[]) => Promise<void>;

/** Parses options strictly: an unknown option or a missing value is a usage error (exit 2). */
export function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T, allowPositionals = false) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export function required(value: string | undefined, flag: string): string {
  if (!value) throw new UsageError(`${flag} is required`);
  return value;
}

/** Writes the result to --out FILE, or to stdout. */
export function output(data: string | Buffer, out: string | undefined): void {
  if (out) fs.writeFileSync(out, data);
  else process.stdout.write(data);
}
