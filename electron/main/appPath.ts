import { extname, isAbsolute, join, relative, sep } from 'node:path';
import { RENDERER_CONTENT_TYPES } from '../core/security/contentTypes';
import { APP_HOST, APP_SCHEME } from './appOrigin';

const MAX_URL_LENGTH = 2048;

export type AppPath = { file: string; contentType: string } | { status: 400 | 404 };

/**
 * Maps an app://redlens/… URL to a file inside `root`, or to an error status. Decides on the
 * decoded path before any file system call: NUL, backslashes and colons (Windows separators and
 * drive letters), empty segments (`//x`, an absolute path) and `.`/`..` segments — including
 * encoded ones such as `%2e%2e` or `..%2f` — are refused, then containment is checked again.
 */
export function resolveAppPath(rawUrl: string, root: string): AppPath {
  if (rawUrl.length > MAX_URL_LENGTH) return { status: 400 };
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { status: 400 };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username || url.password) {
    return { status: 404 };
  }
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return { status: 400 };
  }
  if (path === '/' || path === '') path = '/index.html';
  if (/[\0\\:]/.test(path) || !path.startsWith('/')) return { status: 400 };
  const segments = path.slice(1).split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..')) return { status: 400 };
  // What the built renderer contains; anything else is not served (404), so nothing is sniffed.
  const contentType = RENDERER_CONTENT_TYPES[extname(path).toLowerCase()];
  if (!contentType) return { status: 404 };
  const file = join(root, ...segments);
  const inside = relative(root, file);
  if (!inside || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return { status: 400 };
  return { file, contentType };
}
