/**
 * The command-line interface of docs/cli.md: `npm run --silent cli -- <command> [options]`.
 * Exit 0 on success, 1 on a user error (one line on stderr naming the record and the reason), 2 on bad usage.
 */
import { closeDb } from '@/db/client';
import { describeFailure } from '@/db/open-error';
import { AppError } from '@/lib/errors';
import { UsageError } from './cli/args';
import { commands } from './cli/commands';

const USAGE = `usage: npm run --silent cli -- <command> [options]

commands:
  migrate                                   apply pending migrations
  import FILE                               import a park data set (technopark-dataset/1)
  export --park SLUG [--out FILE]           write the park's data set
  report summary --park SLUG --from YEAR --to YEAR [--format json|csv|xlsx] [--out FILE]
  report indicators --park SLUG --programme KEY [--format json|csv|xlsx] [--out FILE]
  user add --email E --name N --role ROLE [--park SLUG]...   (password on stdin)
  reminders [--days N] [--today YYYY-MM-DD]  remind experts of reviews due within N days (default 2)
  storage move [--keep-local]               move uploaded documents into the S3 bucket (resumable, verified)`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`unknown command "${name}"\n${USAGE}\n`);
    return 2;
  }
  try {
    await command(rest);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n${USAGE}\n`);
      return 2;
    }
    if (error instanceof AppError) {
      process.stderr.write(`${error.message.split('\n')[0]}\n`);
      return 1;
    }
    const message = describeFailure(error);
    if (error instanceof Error && error.name === 'DatabaseLockedError') {
      process.stderr.write(`${message}\n`);
      return 1;
    }
    process.stderr.write(`error: ${message.split('\n')[0]}\n`);
    return 1;
  } finally {
    await closeDb().catch(() => {});
  }
}

main(process.argv.slice(2)).then((code) => process.exit(code));
