import { readFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import { createSecureContext, type ConnectionOptions } from 'node:tls';
import { ApiFailure } from '../api/apiFailure';
import type { ResolvedTls } from '../profiles/resolvedProfile';

const FILES = [
  ['caFile', 'ca', 'CA file'],
  ['certFile', 'cert', 'client certificate file'],
  ['keyFile', 'key', 'client key file'],
] as const;

async function readPem(path: string, label: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw new ApiFailure('TLS_FAILED', `Cannot read ${label} ${path}: ${reason}`, { file: path });
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
