import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { pipeline } from 'node:stream';
import { RENDERER_CONTENT_TYPES } from '../core/security/contentTypes';

/** The renderer's files, and source maps (served here, not by app://). */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ...RENDERER_CONTENT_TYPES,
  '.map': 'application/json; charset=utf-8',
};

/** Resolves a URL path inside `root`, or undefined when it escapes it or does not exist. */
export function resolveStaticPath(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const relative = normalize(decoded).replace(/^([/\\])+/, '');
  const full = join(root, relative);
  if (full !== root && !full.startsWith(root.endsWith(sep) ? root : root + sep)) return undefined;
  // Any file-system error (a name too long, a file removed meanwhile, EACCES) is "not found".
  try {
    const candidate = statSync(full, { throwIfNoEntry: false })?.isDirectory() ? join(full, 'index.html') : full;
    return statSync(candidate, { throwIfNoEntry: false })?.isFile() ? candidate : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Streams a file (headers only for HEAD); the HTML shell is never cached (it carries the build's
 * asset names). A read error after the headers went out ends that response, nothing else.
 */
export function sendFile(req: IncomingMessage, res: ServerResponse, file: string, headers: Record<string, string>) {
  const ext = extname(file);
  res.writeHead(200, {
    ...headers,
    'Content-Type': CONTENT_TYPES[ext] ?? 'application/octet-stream',
    'Cache-Control': ext === '.html' ? 'no-store' : 'private, max-age=31536000, immutable',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  pipeline(createReadStream(file), res, () => undefined);
}
