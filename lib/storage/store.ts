/** Where uploaded documents are kept: the local data folder, or an S3-compatible bucket. */
export type StoredObject = { body: ReadableStream<Uint8Array>; sizeBytes: number };

export interface DocumentStore {
  readonly kind: 'local' | 's3';
  /** The folder or bucket, for messages and logs (never credentials). */
  readonly description: string;
  /** Writes a new object; an object already under the key is an error, never overwritten. */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The object as a stream, or null when there is none. */
  get(key: string): Promise<StoredObject | null>;
  /** The object's size, or null when there is none. */
  stat(key: string): Promise<{ sizeBytes: number } | null>;
  /** Removes the object; a missing one is not an error. */
  remove(key: string): Promise<void>;
  /** Writes, reads back and removes a small object: throws when the store cannot take a document now. */
  checkWritable(): Promise<void>;
}

/** Keys are `<application id>/<attachment id>`: no leading slash, no `..`, nothing but ids and slashes. */
export function assertKey(key: string): void {
  if (!/^[\w-]+(\/[\w-]+)*$/.test(key)) throw new Error(`not a document key: ${JSON.stringify(key)}`);
}
