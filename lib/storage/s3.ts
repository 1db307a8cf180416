import crypto from 'node:crypto';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { assertKey, type DocumentStore } from './store';

/** S3_* settings; see the README's Configuration table. */
export type S3Settings = {
  bucket: string;
  endpoint?: string;
  region: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle: boolean;
};

const PREFIX = 'attachments/';

export function s3Client(settings: S3Settings): S3Client {
  // The SDK warns on every process start that its releases from 2027 on need Node 22; this version runs
  // on the Node 20 the project supports, and the warning would end up on stderr of every CLI command.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  return new S3Client({
    endpoint: settings.endpoint,
    region: settings.region,
    forcePathStyle: settings.forcePathStyle,
    credentials: settings.accessKeyId && settings.secretAccessKey ? { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey } : undefined,
    // The SDK's default CRC checksums and aws-chunked uploads are refused or stored wrongly by many
    // S3-compatible servers; every object is verified by its SHA-256 instead (`cli storage move`).
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 3,
  });
}

const isMissing = (error: unknown) => {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'NoSuchKey' || e?.name === 'NotFound' || e?.$metadata?.httpStatusCode === 404;
};

export type S3Head = { sizeBytes: number; sha256: string | null };

/** Documents as objects `attachments/<key>` in one bucket; each carries its SHA-256 in its metadata. */
export function s3Store(settings: S3Settings, client = s3Client(settings)): DocumentStore & { head(key: string): Promise<S3Head | null> } {
  const Bucket = settings.bucket;
  const objectKey = (key: string) => {
    assertKey(key);
    return PREFIX + key;
  };
  const head = async (key: string): Promise<S3Head | null> => {
    try {
      const out = await client.send(new HeadObjectCommand({ Bucket, Key: objectKey(key) }));
      return { sizeBytes: Number(out.ContentLength ?? 0), sha256: out.Metadata?.sha256 ?? null };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  };
  return {
    kind: 's3',
    description: `s3://${Bucket}${settings.endpoint ? ` at ${settings.endpoint}` : ''}`,
    async put(key, bytes, contentType) {
      const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
      await client.send(
        new PutObjectCommand({ Bucket, Key: objectKey(key), Body: bytes, ContentLength: bytes.byteLength, ContentType: contentType, Metadata: { sha256 } }),
      );
    },
    async get(key) {
      try {
        const out = await client.send(new GetObjectCommand({ Bucket, Key: objectKey(key) }));
        if (!out.Body) return null;
        return { body: out.Body.transformToWebStream() as ReadableStream<Uint8Array>, sizeBytes: Number(out.ContentLength ?? 0) };
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    async stat(key) {
      const found = await head(key);
      return found && { sizeBytes: found.sizeBytes };
    },
    head,
    async remove(key) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: objectKey(key) }));
    },
    async checkWritable() {
      const Key = `_ready/${crypto.randomUUID()}`;
      await client.send(new PutObjectCommand({ Bucket, Key, Body: 'ok', ContentLength: 2 }));
      await client.send(new DeleteObjectCommand({ Bucket, Key }));
    },
  };
}
