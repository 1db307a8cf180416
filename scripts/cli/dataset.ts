import fs from 'node:fs';
import { getDb } from '@/db/client';
import { systemActor } from '@/lib/auth/actor';
import { exportDataset } from '@/lib/dataset/export';
import { DATASET_LISTS, importDataset } from '@/lib/dataset/import';
import { AppError } from '@/lib/errors';
import { output, parse, required, UsageError, type Command } from './args';

/** Reads and parses the data-set file; a missing or unreadable file or bad JSON is a user error naming the file. */
function readJsonFile(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new AppError('NOT_FOUND', code === 'ENOENT' ? `${file}: no such file` : `${file}: cannot be read (${code ?? 'error'})`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new AppError('VALIDATION', `${file}: not valid JSON (${(error as Error).message.split('\n')[0]})`);
  }
}

/** `import FILE [--dry-run]`: imports a technopark-dataset/1 file in one transaction; the summary goes to stderr. */
export const importCommand: Command = async (args) => {
  const { values, positionals } = parse(args, { 'dry-run': { type: 'boolean' } }, true);
  if (positionals.length !== 1) throw new UsageError('usage: import FILE [--dry-run]');
  const input = readJsonFile(positionals[0]);
  const db = await getDb();
  const result = await importDataset(db, { actor: systemActor('import'), input, dryRun: values['dry-run'] === true });
  const state = result.park.created ? 'created' : result.park.updated ? 'updated' : 'unchanged';
  const lines = [`${result.dryRun ? 'dry run, nothing written: ' : ''}park ${result.park.slug} ${state}`];
  for (const list of DATASET_LISTS) {
    const c = result.counts[list];
    lines.push(`  ${list}: ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged`);
  }
  process.stderr.write(`${lines.join('\n')}\n`);
};

/** `export --park SLUG [--out FILE]`: the park's data set as pretty JSON. */
export const exportCommand: Command = async (args) => {
  const { values } = parse(args, { park: { type: 'string' }, out: { type: 'string' } });
  const slug = required(values.park, '--park');
  const db = await getDb();
  const data = await exportDataset(db, { actor: systemActor('cli'), parkSlug: slug }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'NOT_FOUND') throw new AppError('NOT_FOUND', `--park ${slug}: no park with slug "${slug}"`);
    throw error;
  });
  output(`${JSON.stringify(data, null, 2)}\n`, values.out);
};
