import { getDb } from '@/db/client';
import { PARK_ROLES, type ParkRole } from '@/db/schema/values';
import { systemActor } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors';
import { listParks } from '@/lib/parks/parks';
import { createUser } from '@/lib/users/users';
import { parse, required, UsageError, type Command } from './args';
import { exportCommand, importCommand } from './dataset';
import { remindersCommand } from './reminders';
import { reportCommand } from './report';
import { storageCommand } from './storage';

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new UsageError('the password is read from stdin, e.g. echo "$PASSWORD" | npm run --silent cli -- user add …');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

const migrate: Command = async (args) => {
  parse(args, {});
  await getDb(); // opening applies pending migrations
  process.stderr.write('migrations applied\n');
};

/** The CLI's --role: a global kind of account, or a park role (staff). */
const ROLES = ['applicant', 'admin', ...PARK_ROLES] as const;

const userAdd: Command = async (args) => {
  const { values } = parse(args, {
    email: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string' },
    park: { type: 'string', multiple: true },
  });
  const email = required(values.email, '--email');
  const name = required(values.name, '--name');
  const role = required(values.role, '--role');
  if (!(ROLES as readonly string[]).includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
  const parkSlugs = values.park ?? [];
  const isParkRole = (PARK_ROLES as readonly string[]).includes(role);
  if (isParkRole && parkSlugs.length === 0) throw new UsageError(`--park is required for role ${role}`);
  if (!isParkRole && parkSlugs.length) throw new UsageError(`role ${role} is global and takes no --park`);
  const password = await readStdin();
  const db = await getDb();
  const actor = systemActor('cli');
  const parks = await listParks(db, { actor });
  const memberships = parkSlugs.map((slug) => {
    const park = parks.find((p) => p.slug === slug);
    if (!park) throw new AppError('NOT_FOUND', `--park ${slug}: no park with slug "${slug}"`);
    return { parkId: park.id, role: role as ParkRole };
  });
  const user = await createUser(db, {
    actor,
    input: { email, name, password, kind: isParkRole ? 'staff' : (role as 'applicant' | 'admin'), memberships },
  });
  process.stdout.write(`${user.email}\n`);
};

/** Each command module registers here; docs/cli.md ("Commands") describes them. */
export const commands: Record<string, Command> = {
  migrate,
  import: importCommand,
  export: exportCommand,
  report: reportCommand,
  reminders: remindersCommand,
  storage: storageCommand,
  user: async (args) => {
    const [sub, ...rest] = args;
    if (sub !== 'add') throw new UsageError('usage: user add --email E --name N --role ROLE [--park SLUG]...');
    await userAdd(rest);
  },
};
