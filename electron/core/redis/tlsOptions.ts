import { isIP } from 'node:net';
import { createSecureContext, type ConnectionOptions } from 'node:tls';
import { ApiFailure } from '../api/apiFailure';
import { FileReadError, readRegularFile, type ReadProblem } from '../files/readRegularFile';
import type { ResolvedTls } from '../profiles/resolvedProfile';

const FILES = [
  ['caFile', 'ca', 'CA file'],
  ['certFile', 'cert', 'client certificate file'],
  ['keyFile', 'key', 'client key file'],
] as const;

/** A PEM certificate chain or key is a few KB; a CA bundle a few hundred. */
export const MAX_PEM_BYTES = 1024 * 1024;
export const PEM_READ_TIMEOUT_MS = 5_000;

// Says what is wrong with the path without telling whether an unreadable file exists (missing
// and forbidden read the same) and without ever quoting the file's content.
function whyNot(problem: ReadProblem): string {
  switch (problem.kind) {
    case 'os':
      return 'it does not exist or Redlens is not allowed to read it';
    case 'not-a-file':
      return 'it is not a regular file (a folder, device or pipe)';
    case 'too-large':
      return `it is larger than ${problem.maxBytes / 1024 / 1024} MiB, too big for a PEM certificate or key`;
    case 'timeout':
      return `reading it took longer than ${problem.timeoutMs / 1000} s`;
  }
}

async function readPem(path: string, label: string): Promise<Buffer> {
  try {
    return (await readRegularFile(path, { maxBytes: MAX_PEM_BYTES, timeoutMs: PEM_READ_TIMEOUT_MS })).bytes;
  } catch (e) {
    if (!(e instanceof FileReadError)) throw e;
    throw new ApiFailure('TLS_FAILED', `Cannot use the ${label} ${path}: ${whyNot(e.problem)}.`, {
      file: path,
      problem: e.problem.kind,
    });
  }
}

function checkMaterial(part: ConnectionOptions, label: string): void {
  try {
    createSecureContext(part);
  } catch (e) {
    // "error:1C800064:Provider routines::bad decrypt" → "bad decrypt"
    const reason = e instanceof Error ? e.message.replace(/^error:[^:]*:[^:]*:[^:]*:/, '') : String(e);
    const hint = /bad decrypt/i.test(reason) ? ' (wrong key passphrase?)' : '';
    throw new ApiFailure('TLS_FAILED', `Cannot use ${label}: ${reason}${hint}`);
  }
}

/**
 * The TLS options of a profile, with its PEM files read from disk, or `undefined` when TLS is
 * off. The material is checked here (bad PEM, wrong key passphrase) so the user learns which
 * file is wrong instead of getting an OpenSSL error at connect time. Host name checks stay on
 * unless verification is turned off; the server name is added per host (see `tlsForHost`).
 */
export async function loadTlsOptions(tls: ResolvedTls): Promise<ConnectionOptions | undefined> {
  if (!tls.enabled) return undefined;
  const options: ConnectionOptions = { rejectUnauthorized: tls.verify };
  for (const [field, option, label] of FILES) {
    const path = tls[field];
    if (path) options[option] = await readPem(path, label);
  }
  if (tls.keyPassphrase) options.passphrase = tls.keyPassphrase;
  if (options.cert && !options.key) {
    throw new ApiFailure('TLS_FAILED', `The client certificate ${tls.certFile} needs its key file too.`);
  }
  // Node silently ignores a CA file without a certificate in it, then fails verification later.
  if (options.ca && !String(options.ca).includes('-----BEGIN CERTIFICATE-----')) {
    throw new ApiFailure('TLS_FAILED', `Cannot use the CA file ${tls.caFile}: it holds no PEM certificate.`);
  }
  if (options.ca) checkMaterial({ ca: options.ca }, `the CA file ${tls.caFile}`);
  if (options.key) {
    const { cert, key, passphrase } = options;
    checkMaterial({ cert, key, passphrase }, `the client key ${tls.keyFile}`);
  }
  return options;
}

/**
 * Adds the name the certificate must match: the profile's server name, else the host itself
 * (Node only sends SNI for names, not IP addresses, and verifies IPs against the IP SANs).
 */
export function tlsForHost(
  options: ConnectionOptions,
  host: string | undefined,
  serverName?: string,
): ConnectionOptions {
  const name = serverName || (host && !isIP(host) ? host : undefined);
  return name ? { ...options, servername: name } : options;
}
