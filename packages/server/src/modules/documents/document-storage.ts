import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Where the attached files of policy document versions are kept (ADR 0018): a directory outside
 * the web root, one file per version named by a random key (a UUID), never by the uploaded name,
 * so no name a client sends reaches the file system.
 */
export interface DocumentStorage {
  save(key: string, bytes: Buffer): Promise<void>;
  read(key: string): Promise<Buffer>;
  /** Removes the file if it is there; a missing file is no error (a removal retried). */
  remove(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
}

const keyPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function diskDocumentStorage(directory: string): DocumentStorage {
  const root = path.resolve(directory);
  const fileOf = (key: string) => {
    // The key is ours (randomUUID), but the check costs nothing and keeps every path inside the root.
    if (!keyPattern.test(key)) throw new Error(`Not a storage key: ${key}`);
    return path.join(root, key);
  };
  return {
    async save(key, bytes) {
      const file = fileOf(key);
      await fs.mkdir(root, { recursive: true, mode: 0o700 });
      // Written whole under a temporary name, then renamed: a reader never sees half a file.
      const partial = `${file}.partial`;
      await fs.writeFile(partial, bytes, { mode: 0o600, flag: 'wx' });
      await fs.rename(partial, file);
    },
    read: (key) => fs.readFile(fileOf(key)),
    async remove(key) {
      await fs.rm(fileOf(key), { force: true });
    },
    async exists(key) {
      try {
        await fs.access(fileOf(key));
        return true;
      } catch {
        return false;
      }
    },
  };
}
