import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { assertKey, type DocumentStore } from './store';

/** Documents as files under `root` (DATA_DIR/attachments), outside the web root. */
export function localStore(root: string): DocumentStore {
  const fileOf = (key: string) => {
    assertKey(key);
    const absolute = path.resolve(root, key);
    if (!absolute.startsWith(root + path.sep)) throw new Error(`not a document key: ${JSON.stringify(key)}`);
    return absolute;
  };
  const missing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';
  return {
    kind: 'local',
    description: root,
    async put(key, bytes) {
      const file = fileOf(key);
      await fs.promises.mkdir(path.dirname(file), { recursive: true });
      await fs.promises.writeFile(file, bytes, { flag: 'wx' });
    },
    async get(key) {
      const file = fileOf(key);
      try {
        const handle = await fs.promises.open(file, 'r');
        const { size } = await handle.stat();
        const body = Readable.toWeb(handle.createReadStream()) as ReadableStream<Uint8Array>;
        return { body, sizeBytes: size };
      } catch (error) {
        if (missing(error)) return null;
        throw error;
      }
    },
    async stat(key) {
      try {
        return { sizeBytes: (await fs.promises.stat(fileOf(key))).size };
      } catch (error) {
        if (missing(error)) return null;
        throw error;
      }
    },
    async remove(key) {
      await fs.promises.rm(fileOf(key), { force: true });
    },
    async checkWritable() {
      const probe = path.join(root, `.ready-${crypto.randomUUID()}`);
      await fs.promises.mkdir(root, { recursive: true });
      await fs.promises.writeFile(probe, 'ok', { flag: 'wx' });
      await fs.promises.rm(probe, { force: true });
    },
  };
}
