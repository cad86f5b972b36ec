import { readFile, stat } from 'node:fs/promises';

/** Certificates and keys are a few KB; anything this big is not one. */
export const MAX_TLS_FILE_BYTES = 1024 * 1024;

/** Reads a PEM file given on the command line: a regular file, bounded, with a clear error. */
export async function readPemFile(path: string, what: string): Promise<Buffer> {
  const info = await stat(path).catch((e: NodeJS.ErrnoException) => {
    throw new Error(`Cannot read the ${what} ${path}: ${e.code ?? e.message}`);
  });
  if (!info.isFile()) throw new Error(`The ${what} ${path} is not a regular file.`);
  if (info.size > MAX_TLS_FILE_BYTES) throw new Error(`The ${what} ${path} is too big to be one (over 1 MB).`);
  const bytes = await readFile(path);
  if (!bytes.toString('latin1').includes('-----BEGIN ')) throw new Error(`The ${what} ${path} is not in PEM format.`);
  return bytes;
}
