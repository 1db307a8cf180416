import 'server-only';
import path from 'node:path';
import { dataDir } from '@/db/config';
import { localStore } from './local';
import { s3Store, type S3Settings } from './s3';
import type { DocumentStore } from './store';

export type { DocumentStore, StoredObject } from './store';

/** Uploaded documents live here when no bucket is configured: under the data folder, outside the web root. */
export function localDocumentsDir(): string {
  return path.join(dataDir(), 'attachments');
}

const flag = (value: string | undefined) => ['1', 'true', 'on', 'yes'].includes(value?.trim().toLowerCase() ?? '');

/** The bucket from S3_BUCKET and the other S3_* variables, or null when documents stay in the local folder. */
export function s3Settings(env: Record<string, string | undefined> = process.env): S3Settings | null {
  const bucket = env.S3_BUCKET?.trim();
  if (!bucket) {
    if (env.S3_ENDPOINT?.trim()) throw new Error('S3_ENDPOINT is set but S3_BUCKET is not: name the bucket documents go to');
    return null;
  }
  return {
    bucket,
    endpoint: env.S3_ENDPOINT?.trim() || undefined,
    region: env.S3_REGION?.trim() || 'us-east-1',
    accessKeyId: env.S3_ACCESS_KEY_ID?.trim() || undefined,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY?.trim() || undefined,
    forcePathStyle: flag(env.S3_FORCE_PATH_STYLE),
  };
}

/**
 * With a bucket, new documents go there; a document not found in it is still read from (and removed
 * from) the local folder, so the app serves every document while `cli storage move` runs.
 */
function bucketWithLocalFallback(bucket: DocumentStore, local: DocumentStore): DocumentStore {
  return {
    kind: 's3',
    description: bucket.description,
    put: (key, bytes, contentType) => bucket.put(key, bytes, contentType),
    get: async (key) => (await bucket.get(key)) ?? (await local.get(key)),
    stat: async (key) => (await bucket.stat(key)) ?? (await local.stat(key)),
    remove: async (key) => {
      await bucket.remove(key);
      await local.remove(key);
    },
    checkWritable: () => bucket.checkWritable(),
  };
}

const cache = Symbol.for('technopark.document-store');
type WithStore = typeof globalThis & { [cache]?: { signature: string; store: DocumentStore } };

/** The process's document store, chosen from the environment (rebuilt if the S3_* or DATA_DIR settings change, as in tests). */
export function documentStore(): DocumentStore {
  const settings = s3Settings();
  const local = localDocumentsDir();
  const signature = JSON.stringify([settings, local]);
  const g = globalThis as WithStore;
  if (g[cache]?.signature !== signature) {
    const store = settings ? bucketWithLocalFallback(s3Store(settings), localStore(local)) : localStore(local);
    g[cache] = { signature, store };
  }
  return g[cache]!.store;
}

/** A stored object's bytes, whole (for tests and checks; downloads stream). */
export async function readStoredBytes(store: DocumentStore, key: string): Promise<Uint8Array | null> {
  const found = await store.get(key);
  if (!found) return null;
  return new Uint8Array(await new Response(found.body).arrayBuffer());
}
