import { getDb } from '@/db/client';
import { AppError } from '@/lib/errors';
import { moveLocalDocumentsToBucket } from '@/lib/storage/move';
import { parse, UsageError, type Command } from './args';

/**
 * `storage move [--keep-local]`: moves the uploaded documents from DATA_DIR/attachments into the
 * S3 bucket, each verified by size and SHA-256; run it again to resume. Exit 1 when any document
 * could not be moved (each is named on stderr).
 */
export const storageCommand: Command = async (args) => {
  const [sub, ...rest] = args;
  if (sub !== 'move') throw new UsageError('usage: storage move [--keep-local]');
  const { values } = parse(rest, { 'keep-local': { type: 'boolean' } });
  const report = await moveLocalDocumentsToBucket(await getDb(), { keepLocal: values['keep-local'] ?? false });
  process.stdout.write(`${report.moved} moved, ${report.alreadyInBucket} already in the bucket, ${report.missing.length} missing, ${report.failed.length} failed\n`);
  for (const id of report.missing) process.stderr.write(`document ${id}: neither in the local folder nor in the bucket\n`);
  for (const { id, reason } of report.failed) process.stderr.write(`document ${id}: ${reason}\n`);
  if (report.failed.length || report.missing.length) throw new AppError('CONFLICT', `${report.failed.length + report.missing.length} document(s) not moved; fix them and run storage move again`);
};
