import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { ApiFailure } from '../api/apiFailure';
import type { SecretCipher } from './secretCipher';

export const KEY_FILE_NAME = 'secret.key';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const FORMAT = 'v1';

const unavailable = (message: string) => new ApiFailure('SECRETS_UNAVAILABLE', message);
const errno = (e: unknown) => (e as NodeJS.ErrnoException).code;

/** Creates the key file with its full content or not at all (temp file + exclusive hard link). */
function createKeyFile(keyPath: string): void {
  const temp = `${keyPath}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`;
  const fd = openSync(temp, 'wx', 0o600);
  try {
    writeSync(fd, randomBytes(KEY_BYTES));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temp, keyPath);
  } catch (e) {
    // EEXIST: another process created the key first; the caller reads and uses the winner's.
    if (errno(e) !== 'EEXIST') throw e;
  } finally {
    unlinkSync(temp);
  }
}

function readKeyFile(keyPath: string): Buffer {
  const info = statSync(keyPath);
  if (!info.isFile())
    throw unavailable(`The secret key ${keyPath} is not a regular file. Move it away and restart Redlens.`);
  if (process.platform !== 'win32' && (info.mode & 0o077) !== 0) {
    const mode = (info.mode & 0o777).toString(8).padStart(3, '0');
    throw unavailable(
      `The secret key ${keyPath} can be read by other users (mode ${mode}), so Redlens will not use it. Run: chmod 600 '${keyPath}' — and if others may have copied it, also re-enter your saved passwords.`,
    );
  }
  const key = readFileSync(keyPath);
  if (key.length !== KEY_BYTES) {
    throw unavailable(
      `The secret key ${keyPath} is damaged: it holds ${key.length} bytes instead of ${KEY_BYTES}. Restore it from a backup, or move it away (Redlens then creates a new key) and re-enter your saved passwords.`,
    );
  }
  return key;
}

function loadOrCreateKey(dataDir: string): Buffer {
  const keyPath = join(dataDir, KEY_FILE_NAME);
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    try {
      return readKeyFile(keyPath);
    } catch (e) {
      if (errno(e) !== 'ENOENT') throw e;
    }
    createKeyFile(keyPath);
    return readKeyFile(keyPath);
  } catch (e) {
    if (e instanceof ApiFailure) throw e;
    throw unavailable(`Redlens cannot use its secret key ${keyPath}: ${(e as Error).message}`);
  }
}

const tampered = () =>
  unavailable(
    'A saved secret could not be decrypted: it was altered, or it was encrypted with a different secret.key. Enter the password again.',
  );

/**
 * Web-mode secrets: AES-256-GCM with a random 32-byte key in `<dataDir>/secret.key` (mode 0600).
 * The key is created on first use. Ciphertext: `v1.<iv>.<tag>.<data>` (base64), fresh IV each time.
 */
export function createKeyFileCipher(dataDir: string): SecretCipher {
  let key: Buffer | undefined;
  const getKey = () => (key ??= loadOrCreateKey(dataDir));
  return {
    scheme: 'aes-256-gcm',
    encrypt(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', getKey(), iv);
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [FORMAT, iv, cipher.getAuthTag(), data]
        .map((p) => (typeof p === 'string' ? p : p.toString('base64')))
        .join('.');
    },
    decrypt(cipherText) {
      const [format, iv, tag, data, ...extra] = cipherText.split('.');
      if (format !== FORMAT || iv === undefined || tag === undefined || data === undefined || extra.length > 0) {
        throw tampered();
      }
      const ivBytes = Buffer.from(iv, 'base64');
      const tagBytes = Buffer.from(tag, 'base64');
      if (ivBytes.length !== IV_BYTES || tagBytes.length !== TAG_BYTES) throw tampered();
      const decipher = createDecipheriv('aes-256-gcm', getKey(), ivBytes, { authTagLength: TAG_BYTES });
      decipher.setAuthTag(tagBytes);
      try {
        return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
      } catch {
        throw tampered();
      }
    },
  };
}
