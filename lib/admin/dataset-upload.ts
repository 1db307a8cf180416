import 'server-only';
import type { Db } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { importDataset, type ImportResult } from '@/lib/dataset/import';
import { AppError } from '@/lib/errors';

/** The largest data-set file the browser import takes. */
export const DATASET_UPLOAD_MAX_BYTES = 50 * 1024 * 1024;

/**
 * The admin's browser import of a `technopark-dataset/1` file: the bytes as uploaded, checked for
 * size and JSON, then imported (or, with `dryRun`, imported and rolled back, so the counts say
 * what an import would change). The import itself is the CLI's: one transaction, refusals naming
 * the record.
 */
export async function importDatasetUpload(db: Db, { actor, file, dryRun }: { actor: Actor; file: Uint8Array; dryRun: boolean }): Promise<ImportResult> {
  assertCan(actor, 'dataset.import');
  if (file.byteLength > DATASET_UPLOAD_MAX_BYTES) {
    throw new AppError('VALIDATION', `file: larger than ${DATASET_UPLOAD_MAX_BYTES / 1024 / 1024} MB`, {
      key: 'datasetTooLarge',
      params: { max: DATASET_UPLOAD_MAX_BYTES / 1024 / 1024 },
      fieldErrors: { file: ['datasetTooLarge'] },
    });
  }
  let input: unknown;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(file).replace(/^\uFEFF/, '');
    input = JSON.parse(text);
  } catch {
    throw new AppError('VALIDATION', 'file: not a JSON document', { key: 'datasetNotJson', fieldErrors: { file: ['datasetNotJson'] } });
  }
  return importDataset(db, { actor, input, dryRun });
}
